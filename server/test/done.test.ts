// "I'm done" on a real server: only this workshop's participants, only for the step that is
// current, taken back on request, counted again from nothing when a round reopens; a removed
// participant is refused; every client is refused writing the marks into control directly.
import { describe, expect, it } from 'vitest'
import {
  docName,
  parseDocName,
  readDoneMarks,
  readInputStep,
  setDoneMark,
  setPhase,
  startSilentRound,
  type WorkshopId,
} from '@triage/shared'
import {
  connect,
  createWorkshop,
  joinWorkshop,
  post,
  startServer,
  synced,
  type Client,
  type TestServer,
} from './helpers.js'

type ErrorBody = { error?: { code: string; message: string } }

const control = (workshopId: string) =>
  parseDocName(docName({ workshopId: workshopId as WorkshopId, kind: 'control' }))!

async function scene(server: TestServer) {
  const w = await createWorkshop(server)
  const ana = await joinWorkshop(server, w.joinCode, 'Ana', 'g1')
  const ben = await joinWorkshop(server, w.joinCode, 'Ben', 'g2')
  const steer = (fn: Parameters<TestServer['app']['rooms']['change']>[1]) =>
    server.app.rooms.change(control(w.workshopId), fn)
  const step = () => server.app.rooms.read(control(w.workshopId), readInputStep)
  const marks = () => server.app.rooms.read(control(w.workshopId), readDoneMarks)
  const done = (token: string | undefined, body: unknown, workshopId: string = w.workshopId) =>
    post<ErrorBody & { step?: string; done?: boolean }>(
      server,
      `/api/workshops/${workshopId}/done`,
      body,
      token,
    )
  return { w, ana, ben, steer, step, marks, done }
}

/** Resolves with the reason once the server refuses an update of this client's document. */
function refused(client: Client): Promise<string> {
  return new Promise((resolve) => {
    const original = client.provider.messageHandlers[2]!
    client.provider.messageHandlers[2] = (encoder, decoder, provider, emitSynced, type) => {
      const reason = decoder.arr.slice(decoder.pos)
      original(encoder, decoder, provider, emitSynced, type)
      resolve(new TextDecoder().decode(reason))
    }
  })
}

describe('POST /api/workshops/:id/done', () => {
  it('marks a participant done with the current step and takes it back', async () => {
    const server = await startServer()
    const s = await scene(server)
    await s.steer((doc) => setPhase(doc, 'brainstorm'))
    expect(await s.step()).toBe('brainstorm:1')
    const res = await s.done(s.ana.token, { step: 'brainstorm:1', done: true })
    expect(res).toEqual({ status: 200, body: { step: 'brainstorm:1', done: true } })
    expect(await s.marks()).toEqual({
      [s.ana.participantId]: { step: 'brainstorm:1', at: expect.any(Number) },
    })
    expect((await s.done(s.ana.token, { step: 'brainstorm:1', done: false })).status).toBe(200)
    expect(await s.marks()).toEqual({})
  })

  it('refuses without a token, to the facilitator and to another workshop', async () => {
    const server = await startServer()
    const s = await scene(server)
    const other = await createWorkshop(server)
    const stranger = await joinWorkshop(server, other.joinCode, 'Cy', 'g1')
    await s.steer((doc) => setPhase(doc, 'brainstorm'))
    const body = { step: 'brainstorm:1', done: true }
    expect((await s.done(undefined, body)).status).toBe(401)
    expect((await s.done('not-a-token', body)).status).toBe(401)
    expect((await s.done(s.w.facilitatorToken, body)).status).toBe(403)
    expect((await s.done(stranger.token, body)).status).toBe(403)
    expect((await s.done(s.ana.token, body, 'nonsense!')).status).toBe(400)
    expect(await s.marks()).toEqual({})
  })

  it.each<[string, unknown]>([
    ['no body', undefined],
    ['no step', { done: true }],
    ['no done', { step: 'brainstorm:1' }],
    ['a done that is not a boolean', { step: 'brainstorm:1', done: 'yes' }],
    ['a step with markup', { step: '<script>', done: true }],
    ['a step too long', { step: 'a'.repeat(201), done: true }],
  ])('refuses %s with 400', async (_name, body) => {
    const server = await startServer()
    const s = await scene(server)
    await s.steer((doc) => setPhase(doc, 'brainstorm'))
    const res = await s.done(s.ana.token, body)
    expect(res.status).toBe(400)
    expect(res.body.error?.code).toBe('bad_request')
    expect(await s.marks()).toEqual({})
  })

  it('refuses a step that is over, and when nothing is collected', async () => {
    const server = await startServer()
    const s = await scene(server)
    const setup = await s.done(s.ana.token, { step: 'brainstorm:1', done: true })
    expect(setup.status).toBe(409)
    expect(setup.body.error?.message).toBe('Nothing is being collected right now')
    await s.steer((doc) => setPhase(doc, 'brainstorm'))
    expect((await s.done(s.ana.token, { step: 'brainstorm:1', done: true })).status).toBe(200)
    await s.steer((doc) => startSilentRound(doc))
    const stale = await s.done(s.ben.token, { step: 'brainstorm:1', done: true })
    expect(stale.status).toBe(409)
    expect(stale.body.error?.message).toBe('That step is over; the workshop has moved on')
    // Ana's mark was for the round before: nobody is done with this one.
    expect(await s.step()).toBe('brainstorm:2')
    expect(Object.values(await s.marks()).filter((m) => m.step === 'brainstorm:2')).toEqual([])
    await s.steer((doc) => setPhase(doc, 'cluster'))
    expect((await s.done(s.ana.token, { step: 'brainstorm:2', done: true })).status).toBe(409)
  })

  it('counts a reopened vote as a new step', async () => {
    const server = await startServer()
    const s = await scene(server)
    const items = await post(
      server,
      `/api/workshops/${s.w.workshopId}/items`,
      { format: 'lines', text: 'Theatre app\nBed board' },
      s.w.facilitatorToken,
    )
    expect(items.status).toBe(200)
    await s.steer((doc) => setPhase(doc, 'vote'))
    expect(await s.step()).toBeNull()
    const voting = (what: string) =>
      post(server, `/api/workshops/${s.w.workshopId}/voting/${what}`, {}, s.w.facilitatorToken)
    expect((await voting('open')).status).toBe(204)
    const first = await s.step()
    expect(first).toMatch(/^voting@\d+$/)
    expect((await s.done(s.ana.token, { step: first, done: true })).status).toBe(200)
    expect((await voting('close')).status).toBe(204)
    expect((await s.done(s.ben.token, { step: first, done: true })).status).toBe(409)
    expect((await voting('open')).status).toBe(204)
    const second = await s.step()
    // Stamped with the time it opened again (two HTTP round trips later, a later millisecond).
    expect(second).toMatch(/^voting@\d+$/)
    expect(second).not.toBe(first)
    expect(Object.values(await s.marks()).some((m) => m.step === second)).toBe(false)
  })

  it('refuses a removed participant', async () => {
    const server = await startServer()
    const s = await scene(server)
    await s.steer((doc) => setPhase(doc, 'brainstorm'))
    const removed = await fetch(
      `${server.url}/api/workshops/${s.w.workshopId}/participants/${s.ana.participantId}`,
      { method: 'DELETE', headers: { authorization: `Bearer ${s.w.facilitatorToken}` } },
    )
    expect(removed.status).toBeLessThan(300)
    const res = await s.done(s.ana.token, { step: 'brainstorm:1', done: true })
    expect(res.status).toBe(401)
    expect(await s.marks()).toEqual({})
  })

  it("refuses the facilitator's client writing a mark into control itself", async () => {
    const server = await startServer()
    const s = await scene(server)
    await s.steer((doc) => setPhase(doc, 'brainstorm'))
    const name = docName({ workshopId: s.w.workshopId as WorkshopId, kind: 'control' })
    const facilitator = connect(server, name, s.w.facilitatorToken)
    await synced(facilitator)
    const denial = refused(facilitator)
    setDoneMark(facilitator.doc, s.ana.participantId, { step: 'brainstorm:1', at: 1 })
    expect(await denial).toMatch(/written by the server/)
    expect(await s.marks()).toEqual({})
  })
})
