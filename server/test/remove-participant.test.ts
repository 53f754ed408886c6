// Removing a participant on a real server: only the facilitator may; the participant's open
// connections close with their own code, their token opens nothing afterwards (HTTP or sync),
// the roster lists them as removed and the log says so by group, and what they wrote stays.
import { describe, expect, it } from 'vitest'
import {
  CLOSE,
  docName,
  readIdeas,
  readControl,
  setCollectMode,
  setPhase,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'
import { closeOf, stock, whenSynced } from './attacks/attack-kit.js'
import { createWorkshop, joinWorkshop, post, startServer, until } from './helpers.js'

function call(url: string, method: string, token?: string) {
  return fetch(url, { method, headers: token ? { authorization: `Bearer ${token}` } : {} })
}

describe('removing a participant', () => {
  it('is refused to anyone but the facilitator, and for unknown participants', async () => {
    const server = await startServer()
    const w = await createWorkshop(server, ['Surgeons', 'Radiologists'])
    const ana = await joinWorkshop(server, w.joinCode, 'Ana', 'g1')
    const ben = await joinWorkshop(server, w.joinCode, 'Ben', 'g2')
    const other = await createWorkshop(server)
    const path = `${server.url}/api/workshops/${w.workshopId}/participants/${ana.participantId}`
    expect((await call(path, 'DELETE')).status).toBe(401)
    expect((await call(path, 'DELETE', ben.token)).status).toBe(403)
    expect((await call(path, 'DELETE', ana.token)).status).toBe(403)
    expect((await call(path, 'DELETE', other.facilitatorToken)).status).toBe(403)
    const unknown = `${server.url}/api/workshops/${w.workshopId}/participants/p_${'x'.repeat(21)}`
    expect((await call(unknown, 'DELETE', w.facilitatorToken)).status).toBe(404)
    const malformed = `${server.url}/api/workshops/${w.workshopId}/participants/%3Cscript%3E`
    expect((await call(malformed, 'DELETE', w.facilitatorToken)).status).toBe(400)
    // Someone else's participant cannot be removed through this workshop.
    const stranger = await joinWorkshop(server, other.joinCode, 'Cy', 'g1')
    const across = `${server.url}/api/workshops/${w.workshopId}/participants/${stranger.participantId}`
    expect((await call(across, 'DELETE', w.facilitatorToken)).status).toBe(404)
    expect((await call(`${server.url}/api/session`, 'GET', stranger.token)).status).toBe(200)
  })

  it('closes their connections, revokes their token, and keeps what they wrote', async () => {
    const server = await startServer()
    const w = await createWorkshop(server, ['Surgeons', 'Radiologists'])
    const workshopId = w.workshopId as WorkshopId
    const ana = await joinWorkshop(server, w.joinCode, 'Ana', 'g1')
    const ben = await joinWorkshop(server, w.joinCode, 'Ben', 'g2')
    const anaId = ana.participantId as ParticipantId
    // Ana's idea reaches the board by open adding, which the facilitator turns on.
    const control = docName({ workshopId, kind: 'control' })
    const board = docName({ workshopId, kind: 'board' })
    const facilitator = stock(server, control, w.facilitatorToken, 'facilitator on control')
    const benControl = stock(server, control, ben.token, 'Ben on control')
    await Promise.all([whenSynced(facilitator), whenSynced(benControl)])
    setPhase(facilitator.doc, 'brainstorm')
    setCollectMode(facilitator.doc, 'open')
    await until(benControl.doc, () => readControl(benControl.doc).collect === 'open', 'open adding')
    const added = await post(
      server,
      `/api/workshops/${workshopId}/ideas`,
      { text: 'Theatre app' },
      ana.token,
    )
    expect(added.status).toBe(201)

    const anaBoard = stock(server, board, ana.token, 'Ana on the board')
    const anaPrivate = stock(
      server,
      docName({ workshopId, kind: 'private', participantId: anaId }),
      ana.token,
      'Ana’s drafts',
    )
    await Promise.all([whenSynced(anaBoard), whenSynced(anaPrivate)])

    const closes = Promise.all([closeOf(anaBoard), closeOf(anaPrivate)])
    const removed = await call(
      `${server.url}/api/workshops/${workshopId}/participants/${anaId}`,
      'DELETE',
      w.facilitatorToken,
    )
    expect(removed.status).toBe(204)
    expect(await closes).toEqual([CLOSE.removed, CLOSE.removed])

    // Everyone else sees the roster and the log change; Ben stays connected.
    await until(
      benControl.doc,
      () => readControl(benControl.doc).removed[anaId] !== undefined,
      'the roster to list Ana as removed',
    )
    const state = readControl(benControl.doc)
    expect(Object.keys(state.roster)).toEqual([ben.participantId])
    expect(state.removed[anaId]).toMatchObject({ name: 'Ana', group: 'g1' })
    expect(state.log.at(-1)?.text).toBe(
      'Facilitator removed a participant (Surgeons); what they contributed stays',
    )
    expect(benControl.provider.wsconnected).toBe(true)

    // Ana's token opens nothing any more, over HTTP or sync.
    expect((await call(`${server.url}/api/session`, 'GET', ana.token)).status).toBe(401)
    const again = stock(server, board, ana.token, 'Ana again')
    expect(await closeOf(again)).toBe(CLOSE.unauthorized)
    const refused = await post(
      server,
      `/api/workshops/${workshopId}/ideas`,
      { text: 'Another' },
      ana.token,
    )
    expect(refused.status).toBe(401)
    // Removing twice says so.
    const twice = await call(
      `${server.url}/api/workshops/${workshopId}/participants/${anaId}`,
      'DELETE',
      w.facilitatorToken,
    )
    expect(twice.status).toBe(404)

    // What she wrote stays on the board.
    const reader = stock(server, board, w.facilitatorToken, 'facilitator on the board')
    await whenSynced(reader)
    const texts = readIdeas(reader.doc).map((i) => i.text)
    expect(texts).toContain('Theatre app')
  })
})
