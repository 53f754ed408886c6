// The facilitation team's device links on a real server: the co-facilitator link opens the full
// console (it writes the control document like the facilitator), the projector link reads like
// the read-only link and writes nothing; each is made, replaced and revoked by a facilitator
// only, and revoking one closes what it opened and nothing else.
import { describe, expect, it } from 'vitest'
import {
  docName,
  readControl,
  setPhase,
  type SessionResponse,
  type ViewerLinkResponse,
  type ViewerLinkStatus,
  type WorkshopId,
} from '@triage/shared'
import { closeOf, stock, whenSynced, within } from './attacks/attack-kit.js'
import {
  createWorkshop,
  joinWorkshop,
  post,
  startServer,
  until,
  type TestServer,
} from './helpers.js'

function call(server: TestServer, method: string, path: string, token?: string) {
  return fetch(server.url + path, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
}

async function scene(server: TestServer) {
  const created = await createWorkshop(server, ['Surgeons'])
  const workshopId = created.workshopId as WorkshopId
  const ana = await joinWorkshop(server, created.joinCode, 'Ana', 'g1')
  const link = async (kind: string) => {
    const res = await post<ViewerLinkResponse>(
      server,
      `/api/workshops/${workshopId}/links/${kind}`,
      {},
      created.facilitatorToken,
    )
    expect(res.status).toBe(201)
    return res.body.token
  }
  const viewer = await post<ViewerLinkResponse>(
    server,
    `/api/workshops/${workshopId}/viewer-link`,
    {},
    created.facilitatorToken,
  )
  return {
    workshopId,
    facilitator: created.facilitatorToken,
    ana,
    co: await link('co-facilitator'),
    projector: await link('projector'),
    viewer: viewer.body.token,
  }
}

describe('device links', () => {
  it('are made, told and revoked by a facilitator only', async () => {
    const server = await startServer()
    const s = await scene(server)
    const path = (kind: string) => `/api/workshops/${s.workshopId}/links/${kind}`
    expect((await call(server, 'POST', path('projector'))).status).toBe(401)
    expect((await call(server, 'POST', path('projector'), s.ana.token)).status).toBe(403)
    expect((await call(server, 'POST', path('projector'), s.projector)).status).toBe(403)
    expect((await call(server, 'POST', path('projector'), s.viewer)).status).toBe(403)
    expect((await call(server, 'POST', path('owner'), s.facilitator)).status).toBe(400)
    const other = await createWorkshop(server)
    expect((await call(server, 'GET', path('projector'), other.facilitatorToken)).status).toBe(403)
    const status = await call(server, 'GET', path('co-facilitator'), s.facilitator)
    expect(((await status.json()) as ViewerLinkStatus).createdAt).toEqual(expect.any(Number))

    const session = async (token: string) =>
      (await (await call(server, 'GET', '/api/session', token)).json()) as SessionResponse
    expect(await session(s.co)).toMatchObject({ workshopId: s.workshopId, role: 'facilitator' })
    expect(await session(s.projector)).toMatchObject({ workshopId: s.workshopId, role: 'viewer' })
    // The co-facilitator may manage the links too: both run the workshop.
    const viaCo = await call(server, 'GET', path('projector'), s.co)
    expect(viaCo.status).toBe(200)
  })

  it('lets the co-facilitator write the control document, the projector only read it', async () => {
    const server = await startServer()
    const s = await scene(server)
    const name = docName({ workshopId: s.workshopId, kind: 'control' })
    const co = stock(server, name, s.co, 'co-facilitator')
    const projector = stock(server, name, s.projector, 'projector')
    const ana = stock(server, name, s.ana.token, 'Ana')
    await Promise.all([whenSynced(co), whenSynced(projector), whenSynced(ana)])
    setPhase(co.doc, 'brainstorm')
    await until(ana.doc, () => readControl(ana.doc).phase === 'brainstorm', 'the phase to change')
    await until(projector.doc, () => readControl(projector.doc).phase === 'brainstorm')
    setPhase(projector.doc, 'vote')
    await within(
      (async () => {
        while (projector.denied.length === 0) await new Promise((r) => setTimeout(r, 20))
      })(),
      'the refusal',
    )
    expect(projector.denied[0]).toMatch(/^read-only/)
    const phase = await server.app.rooms.read(
      { workshopId: s.workshopId, kind: 'control' },
      (doc) => readControl(doc).phase,
    )
    expect(phase).toBe('brainstorm')
    const drafts = stock(
      server,
      docName({ workshopId: s.workshopId, kind: 'private', participantId: s.ana.participantId }),
      s.projector,
      'projector on a private document',
    )
    expect(await closeOf(drafts)).toBe(4403)
  })

  it('once revoked, closes what that link opened and nothing else', async () => {
    const server = await startServer()
    const s = await scene(server)
    const name = docName({ workshopId: s.workshopId, kind: 'board' })
    const co = stock(server, name, s.co, 'co-facilitator')
    const projector = stock(server, name, s.projector, 'projector')
    const viewer = stock(server, name, s.viewer, 'read-only link')
    const owner = stock(server, name, s.facilitator, 'facilitator')
    await Promise.all([co, projector, viewer, owner].map(whenSynced))

    const path = (kind: string) => `/api/workshops/${s.workshopId}/links/${kind}`
    expect((await call(server, 'DELETE', path('projector'), s.facilitator)).status).toBe(204)
    expect(await closeOf(projector)).toBe(4401)
    expect((await call(server, 'GET', '/api/session', s.projector)).status).toBe(401)
    // Replacing the co-facilitator link closes the old one's sockets; the new token works.
    const renewed = await post<ViewerLinkResponse>(
      server,
      path('co-facilitator'),
      {},
      s.facilitator,
    )
    expect(renewed.status).toBe(201)
    expect(await closeOf(co)).toBe(4401)
    expect((await call(server, 'GET', '/api/session', s.co)).status).toBe(401)
    expect((await call(server, 'GET', '/api/session', renewed.body.token)).status).toBe(200)
    // The read-only link and the facilitator's own sockets stayed open throughout.
    expect(viewer.closes).toEqual([])
    expect(owner.closes).toEqual([])
    // Revoking the read-only link leaves the (new) co-facilitator be.
    const fresh = stock(server, name, renewed.body.token, 'new co-facilitator')
    await whenSynced(fresh)
    const viewerPath = `/api/workshops/${s.workshopId}/viewer-link`
    expect((await call(server, 'DELETE', viewerPath, s.facilitator)).status).toBe(204)
    expect(await closeOf(viewer)).toBe(4401)
    expect(fresh.closes).toEqual([])
  })
})
