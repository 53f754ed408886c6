// The brainstorm countdown ends with its silent round: the reveal clears the timer, so no screen
// keeps counting down to a round that is over (other phases show no countdown at all).
import { describe, expect, it } from 'vitest'
import { docName, parseDocName, readTimer, setPhase, type WorkshopId } from '@triage/shared'
import {
  connect,
  createWorkshop,
  post,
  startServer,
  synced,
  until,
  type TestServer,
} from './helpers.js'

async function withTimer(server: TestServer) {
  const w = await createWorkshop(server)
  const name = docName({ workshopId: w.workshopId as WorkshopId, kind: 'control' })
  const facilitator = connect(server, name, w.facilitatorToken)
  await synced(facilitator)
  setPhase(facilitator.doc, 'brainstorm')
  const started = await post(
    server,
    `/api/workshops/${w.workshopId}/timer`,
    { action: 'start', seconds: 300, onZero: 'notify' },
    w.facilitatorToken,
  )
  expect(started.status).toBe(204)
  await until(facilitator.doc, () => readTimer(facilitator.doc) !== null, 'the timer')
  const serverTimer = () => server.app.rooms.read(parseDocName(name)!, (doc) => readTimer(doc))
  return { w, facilitator, serverTimer }
}

describe('the brainstorm countdown', () => {
  it('stops when the ideas are revealed', async () => {
    const server = await startServer()
    const { w, facilitator, serverTimer } = await withTimer(server)
    const revealed = await post(
      server,
      `/api/workshops/${w.workshopId}/reveal`,
      {},
      w.facilitatorToken,
    )
    expect(revealed.status).toBe(200)
    expect(await serverTimer()).toBeNull()
    await until(facilitator.doc, () => readTimer(facilitator.doc) === null, 'the timer to stop')
  })
})
