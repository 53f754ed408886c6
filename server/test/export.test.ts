// The export route on a real server: only the workshop's facilitator may export (no token 401,
// a participant's 403), each format comes back as a file to save, at any phase, and the JSON
// recounts the revealed votes with the shared tally.
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { type JoinResponse, type WorkshopId } from '@triage/shared'
import { tallyBallots, workshopRecordSchema } from '@triage/shared/export'
import { createWorkshop, revealedVote, startServer, type TestServer } from './helpers.js'

interface Setup {
  workshopId: WorkshopId
  facilitatorToken: string
  people: JoinResponse[]
}

/** Three participants, three items (one a formula), voting on ideas closed and revealed. */
function votedWorkshop(server: TestServer): Promise<Setup> {
  return revealedVote(server, {
    people: [
      ['Ana', 'g1'],
      ['<img src=x onerror=alert(1)>', 'g1'],
      ['Cy', 'g2'],
    ],
    items: 'Theatre app\n=HYPERLINK("https://evil.example")\nCT triage',
    ballots: ([a, b, c]) => [{ [a!]: 2, [b!]: 1 }, { [b!]: 9 }, { [c!]: 2 }],
  })
}

function exportOf(server: TestServer, workshopId: string, query: string, token?: string) {
  return fetch(`${server.url}/api/workshops/${workshopId}/export?${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
}

describe('GET /api/workshops/:id/export', () => {
  it('answers 401 without a token and 403 to a participant or another facilitator', async () => {
    const server = await startServer()
    const s = await votedWorkshop(server)
    const other = await createWorkshop(server)
    expect((await exportOf(server, s.workshopId, 'format=md')).status).toBe(401)
    const asParticipant = await exportOf(server, s.workshopId, 'format=md', s.people[0]!.token)
    expect(asParticipant.status).toBe(403)
    expect(await asParticipant.json()).toMatchObject({ error: { code: 'forbidden' } })
    const asOther = await exportOf(server, s.workshopId, 'format=json', other.facilitatorToken)
    expect(asOther.status).toBe(403)
    // Who asks is checked before what is asked for.
    expect((await exportOf(server, s.workshopId, 'format=exe')).status).toBe(401)
  })

  it('refuses a format or a time zone it does not know', async () => {
    const server = await startServer()
    const s = await votedWorkshop(server)
    for (const query of ['format=exe', '', 'format=md&tz=Mars/Olympus', 'format=md&tz=%3Cx%3E']) {
      const res = await exportOf(server, s.workshopId, query, s.facilitatorToken)
      expect(res.status, query).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } })
    }
  })

  it('returns each format as an attachment with its content type', async () => {
    const server = await startServer()
    const s = await votedWorkshop(server)
    const types = {
      md: 'text/markdown; charset=utf-8',
      html: 'text/html; charset=utf-8',
      json: 'application/json; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
    }
    for (const [format, type] of Object.entries(types)) {
      const res = await exportOf(server, s.workshopId, `format=${format}`, s.facilitatorToken)
      expect(res.status, format).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="theatre-scheduling-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`),
      )
      expect(res.headers.get('cache-control')).toBe('no-store')
      const body = await res.text()
      if (format === 'md') {
        expect(body).toContain('# Theatre scheduling')
        expect(body).toContain('3 of 3 participants placed 7 dots')
      }
      if (format === 'html') {
        expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
        expect(body).not.toMatch(/<script/i)
        expect(body).not.toContain('<img')
      }
      if (format === 'csv') {
        const rows = Papa.parse<string[]>(body.replace(/^\uFEFF/, '').trim(), { newline: '\r\n' })
        expect(rows.data.flat()).toContain(`'=HYPERLINK("https://evil.example")`)
      }
    }
  })

  it('exports JSON that recounts the revealed votes, with no names in an anonymous workshop', async () => {
    const server = await startServer()
    const s = await votedWorkshop(server)
    const res = await exportOf(server, s.workshopId, 'format=json', s.facilitatorToken)
    const text = await res.text()
    const record = workshopRecordSchema.parse(JSON.parse(text))
    expect(record.schemaVersion).toBe(2)
    expect(record.participants).toHaveLength(3)
    for (const secret of ['Ana', '"Cy"', 'onerror', ...s.people.map((p) => p.participantId)]) {
      expect(text).not.toContain(secret)
    }
    const results = record.voting.results!
    expect(results.totalDots).toBe(7)
    // The second ballot claimed 9 dots on one item: sealed and counted as the cap, 2.
    const ballots = record.voting.ballots!
    expect(ballots.map((b) => b.voter)).toEqual(['V001', 'V002', 'V003'])
    const recount = tallyBallots(results, ballots)
    expect(recount.items).toEqual(results.items)
    expect(recount.groups).toEqual(results.groups)
  })

  it('exports a workshop that has only been set up', async () => {
    const server = await startServer()
    const created = await createWorkshop(server)
    const res = await exportOf(
      server,
      created.workshopId,
      'format=md&tz=Europe/London',
      created.facilitatorToken,
    )
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toContain('## Dot voting\n\nNot run in this workshop.')
    expect(body).toContain('Europe/London')
  })
})
