import { describe, expect, it } from 'vitest'
import { boardNotes, docName, readControl } from '@triage/shared'
import { connect, createWorkshop, joinWorkshop, startServer, synced, until } from './helpers.js'

describe('smoke', () => {
  it('syncs', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const p = await joinWorkshop(server, w.joinCode, 'Dana')
    const f = connect(server, docName({ workshopId: w.workshopId, kind: 'control' }), w.facilitatorToken)
    await synced(f)
    expect(readControl(f.doc).roster[p.participantId]?.name).toBe('Dana')
    const a = connect(server, `${w.workshopId}/board`, w.facilitatorToken)
    const b = connect(server, `${w.workshopId}/board`, p.token)
    await Promise.all([synced(a), synced(b)])
    boardNotes(a.doc).insert(0, 'hello')
    await until(b.doc, () => boardNotes(b.doc).toString() === 'hello')
  })
})
