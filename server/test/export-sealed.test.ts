// The JSON export's sealed 2x2 ratings and criterion scores on a real server: phones write into
// their private documents through stock providers, the rounds close and reveal through the
// routes, and the export carries each sealed participant's counted input under a pseudonym only
// after the reveal (null while open and closed), from which the shared aggregates recompute the
// revealed results; no name and no participant id of the anonymous workshop is anywhere in it.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  docName,
  parseDocName,
  readBoard,
  readFramework,
  setFramework,
  setRoundInputEntry,
  voteItems,
  type Framework,
  type JoinResponse,
  type MatrixRatingSettings,
} from '@triage/shared'
import {
  ratingSheetInputs,
  recomputeMatrixResult,
  recomputeScoresResult,
  scoreSheetInputs,
  workshopRecordSchema,
} from '@triage/shared/export'
import {
  connect,
  createWorkshop,
  joinWorkshop,
  post,
  startServer,
  synced,
  until,
} from './helpers.js'

const scale = { min: 1, max: 5 }
const framework: Framework = {
  criteria: [
    { id: 'safety', name: 'Safety', direction: 'benefit', scale },
    { id: 'workflow', name: 'Workflow', direction: 'benefit', scale },
  ],
  startingWeights: { safety: 50, workflow: 50 },
}
const matrixSettings: MatrixRatingSettings = {
  select: 'all',
  top: 10,
  picked: [],
  on: 'ideas',
  axes: { impact: null, effort: null },
}

describe('the JSON export of sealed 2x2 ratings and scores', () => {
  it('carries them under pseudonyms after the reveal, null before, and names nobody', async () => {
    const server = await startServer()
    const { workshopId, joinCode, facilitatorToken } = await createWorkshop(server)
    const names = ['Ana Lopez', 'Ben <img src=x onerror=alert(1)>', 'Cy Okafor']
    const ana = await joinWorkshop(server, joinCode, names[0]!, 'g1')
    const ben = await joinWorkshop(server, joinCode, names[1]!, 'g1')
    const cy = await joinWorkshop(server, joinCode, names[2]!, 'g2')
    const added = await post(
      server,
      `/api/workshops/${workshopId}/items`,
      { format: 'lines', text: 'Theatre app\nCT triage' },
      facilitatorToken,
    )
    expect(added.status).toBe(200)
    const [theatre, ct] = voteItems(
      await server.app.rooms.read({ workshopId, kind: 'board' }, readBoard),
      'ideas',
    ).map((i) => i.key) as [string, string]
    const control = connect(server, docName({ workshopId, kind: 'control' }), facilitatorToken)
    await synced(control)
    setFramework(control.doc, framework)
    const lease = await server.app.rooms.acquire({ workshopId, kind: 'control' })
    try {
      const doc = lease.room.doc
      await until(doc, () => readFramework(doc) !== null, 'the framework on the server')
    } finally {
      lease.release()
    }

    const step = (round: string, action: string, body: unknown = {}) =>
      post(server, `/api/workshops/${workshopId}/rounds/${round}/${action}`, body, facilitatorToken)
    /** Writes entries into a phone's round input; resolves once the server stored them. */
    const write = async (who: JoinResponse, round: string, entries: Record<string, unknown>) => {
      const name = docName({ workshopId, kind: 'private', participantId: who.participantId })
      const phone = connect(server, name, who.token)
      await synced(phone)
      phone.doc.transact(() => {
        for (const [key, value] of Object.entries(entries)) {
          setRoundInputEntry(phone.doc, round, key, value)
        }
      })
      const lease = await server.app.rooms.acquire(parseDocName(name)!)
      try {
        const map = (d: Y.Doc) => JSON.stringify(d.getMap(`round:${round}`).toJSON())
        await until(lease.room.doc, () => map(lease.room.doc) === map(phone.doc), 'stored')
      } finally {
        lease.release()
      }
    }
    const exported = async () => {
      const res = await fetch(`${server.url}/api/workshops/${workshopId}/export?format=json`, {
        headers: { authorization: `Bearer ${facilitatorToken}` },
      })
      expect(res.status).toBe(200)
      const text = await res.text()
      return { text, record: workshopRecordSchema.parse(JSON.parse(text)) }
    }

    expect((await step('matrix-ratings', 'open', { settings: matrixSettings })).status).toBe(204)
    expect((await step('scores', 'open', { settings: matrixSettings })).status).toBe(204)
    // Ben's 12 and his 2.5 are dropped by the clamp, as the reveal drops them.
    await write(ana, 'matrix-ratings', {
      [theatre]: { impact: 8, effort: 2 },
      [ct]: { impact: 6, effort: 7 },
    })
    await write(ben, 'matrix-ratings', {
      [theatre]: { impact: 12, effort: 3 },
      [ct]: { skip: true },
    })
    await write(cy, 'matrix-ratings', {
      [theatre]: { impact: 3, effort: 8 },
      [ct]: { impact: 7, effort: 6 },
    })
    await write(ana, 'scores', { [theatre]: { safety: 5, workflow: 3 }, [ct]: { safety: 2 } })
    await write(ben, 'scores', { [theatre]: { safety: 4, workflow: 2.5 } })
    await write(cy, 'scores', { [theatre]: { safety: 2, workflow: 7 }, [ct]: { workflow: 4 } })

    const open = await exported()
    expect(open.record.matrix!.status).toBe('open')
    expect(open.record.matrix!.ratings).toBeNull()
    expect(open.record.framework!.scores.sheets).toBeNull()

    expect((await step('matrix-ratings', 'close')).status).toBe(204)
    expect((await step('scores', 'close')).status).toBe(204)
    const closed = await exported()
    expect(closed.record.matrix!.status).toBe('closed')
    expect(closed.record.matrix!.ratings).toBeNull()
    expect(closed.record.framework!.scores.status).toBe('closed')
    expect(closed.record.framework!.scores.sheets).toBeNull()

    expect((await step('matrix-ratings', 'reveal')).status).toBe(204)
    expect((await step('scores', 'reveal')).status).toBe(204)
    const { text, record } = await exported()
    expect(record.workshop.anonymous).toBe(true)

    const matrix = record.matrix!
    const ratings = matrix.ratings!
    expect(ratings.rows.map((r) => [r.rater, r.group])).toEqual([
      ['R001', 'g1'],
      ['R002', 'g1'],
      ['R003', 'g2'],
    ])
    // In columns: the items once, impact then effort per item in each row.
    expect(ratings.items).toEqual(matrix.result!.items.map((i) => i.key))
    const at = (key: string) => ratings.items.indexOf(key)
    // As counted: Ben's impact 12 is gone, his effort and his skip stay.
    const bens = ratings.rows.find((r) => r.skipped.includes(at(ct)))!
    expect(bens.ratings.slice(at(theatre) * 2, at(theatre) * 2 + 2)).toEqual([null, 3])
    expect(bens.ratings.slice(at(ct) * 2, at(ct) * 2 + 2)).toEqual([null, null])
    expect(ratingSheetInputs(ratings).map((r) => r.ratings)).toContainEqual({
      [theatre]: { effort: 3 },
      [ct]: { skip: true },
    })
    expect(recomputeMatrixResult(matrix.result!, ratings)).toEqual(matrix.result)

    const scores = record.framework!.scores
    const sheets = scores.sheets!
    expect(sheets.rows.map((s) => [s.scorer, s.group])).toEqual([
      ['S001', 'g1'],
      ['S002', 'g1'],
      ['S003', 'g2'],
    ])
    const inputs = scoreSheetInputs(sheets).map((s) => s.scores)
    expect(inputs).toContainEqual({ [theatre]: { safety: 4 } })
    expect(inputs).toContainEqual({
      [theatre]: { safety: 2 },
      [ct]: { workflow: 4 },
    })
    expect(recomputeScoresResult(scores.result!, sheets)).toEqual(scores.result)

    // No participant's name (nor any word of it) and no participant id anywhere in the file.
    const words = names.flatMap((n) => n.split(' ')).filter((w) => w.length > 2)
    for (const secret of [
      ...names,
      ...words,
      ana.participantId,
      ben.participantId,
      cy.participantId,
    ]) {
      expect(text).not.toContain(secret)
    }
  })
})
