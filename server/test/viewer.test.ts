// The read-only link on a real server: the facilitator makes and revokes it; its token reads the
// control document and the board with the stock provider, but every write it makes is refused on
// the wire and never applied, a private document is closed to it, it downloads the rationale
// document but not the record, and once revoked (or replaced) nothing it opened stays open.
import { describe, expect, it } from 'vitest'
import {
  deleteIdea,
  readBoard,
  readControl,
  setPhase,
  type SessionResponse,
  type ViewerLinkResponse,
  type ViewerLinkStatus,
  type WorkshopId,
} from '@triage/shared'
import { closeOf, stock, whenSynced, within } from './attacks/attack-kit.js'
import { createWorkshop, joinWorkshop, post, startServer, type TestServer } from './helpers.js'

const ITEMS = ['Theatre app', 'CT triage']

async function workshopWithLink(server: TestServer) {
  const created = await createWorkshop(server, ['Surgeons', 'Radiologists'])
  const workshopId = created.workshopId as WorkshopId
  const ana = await joinWorkshop(server, created.joinCode, 'Ana', 'g1')
  const added = await post(
    server,
    `/api/workshops/${workshopId}/items`,
    { format: 'lines', text: ITEMS.join('\n') },
    created.facilitatorToken,
  )
  expect(added.status).toBe(200)
  const link = await post<ViewerLinkResponse>(
    server,
    `/api/workshops/${workshopId}/viewer-link`,
    {},
    created.facilitatorToken,
  )
  expect(link.status).toBe(201)
  return { workshopId, facilitatorToken: created.facilitatorToken, ana, viewer: link.body.token }
}

function call(server: TestServer, method: string, path: string, token?: string) {
  return fetch(server.url + path, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
}

const docName = (id: string, kind: string) => `${id}/${kind}`

describe('the read-only link', () => {
  it('is made, told and revoked by the facilitator only', async () => {
    const server = await startServer()
    const s = await workshopWithLink(server)
    const path = `/api/workshops/${s.workshopId}/viewer-link`
    expect((await call(server, 'POST', path)).status).toBe(401)
    expect((await call(server, 'POST', path, s.ana.token)).status).toBe(403)
    expect((await call(server, 'POST', path, s.viewer)).status).toBe(403)
    expect((await call(server, 'DELETE', path, s.viewer)).status).toBe(403)
    const other = await createWorkshop(server)
    expect((await call(server, 'GET', path, other.facilitatorToken)).status).toBe(403)

    const status = await call(server, 'GET', path, s.facilitatorToken)
    expect(status.status).toBe(200)
    expect(((await status.json()) as ViewerLinkStatus).createdAt).toEqual(expect.any(Number))
    const session = await call(server, 'GET', '/api/session', s.viewer)
    expect((await session.json()) as SessionResponse).toEqual({
      workshopId: s.workshopId,
      role: 'viewer',
      participantId: null,
      joinCode: null,
    })

    expect((await call(server, 'DELETE', path, s.facilitatorToken)).status).toBe(204)
    const after = (await (await call(server, 'GET', path, s.facilitatorToken)).json()) as {
      createdAt: number | null
    }
    expect(after.createdAt).toBeNull()
    expect((await call(server, 'GET', '/api/session', s.viewer)).status).toBe(401)
  })

  it('reads control and board, but every write it sends is refused and never applied', async () => {
    const server = await startServer()
    const s = await workshopWithLink(server)
    const control = stock(server, docName(s.workshopId, 'control'), s.viewer, 'viewer control')
    const board = stock(server, docName(s.workshopId, 'board'), s.viewer, 'viewer board')
    await whenSynced(control)
    await whenSynced(board)
    expect(readControl(control.doc).settings?.title).toBe('Theatre scheduling')
    expect(readBoard(board.doc).cards.map((c) => c.text)).toEqual(ITEMS)

    const controlBefore = await server.app.rooms.read(
      { workshopId: s.workshopId, kind: 'control' },
      readControl,
    )
    // What a member's client would do (delete an idea, change the phase) and a stray key: each
    // its own update, each refused on the wire.
    deleteIdea(board.doc, readBoard(board.doc).cards[0]!.id)
    board.doc.getMap('viewer-was-here').set('x', 1)
    setPhase(control.doc, 'vote')
    control.doc.getMap('viewer-was-here').set('x', 1)
    await within(
      (async () => {
        while (board.denied.length < 2 || control.denied.length < 2) {
          await new Promise((r) => setTimeout(r, 20))
        }
      })(),
      'refusals of every write',
    )
    for (const reason of [...board.denied, ...control.denied]) expect(reason).toMatch(/^read-only/)

    const boardAfter = await server.app.rooms.read(
      { workshopId: s.workshopId, kind: 'board' },
      (doc) => ({ board: readBoard(doc), stray: doc.getMap('viewer-was-here').size }),
    )
    expect(boardAfter.board.cards.map((c) => c.text)).toEqual(ITEMS)
    expect(boardAfter.stray).toBe(0)
    const controlAfter = await server.app.rooms.read(
      { workshopId: s.workshopId, kind: 'control' },
      (doc) => ({ control: readControl(doc), stray: doc.getMap('viewer-was-here').size }),
    )
    expect(controlAfter.control).toEqual(controlBefore)
    expect(controlAfter.stray).toBe(0)
  })

  it('cannot open a private document', async () => {
    const server = await startServer()
    const s = await workshopWithLink(server)
    const own = stock(
      server,
      `${s.workshopId}/private/${s.ana.participantId}`,
      s.viewer,
      'viewer on a private document',
    )
    expect(await closeOf(own)).toBe(4403)
    // Nor another workshop's documents.
    const other = await createWorkshop(server)
    const elsewhere = stock(server, docName(other.workshopId, 'board'), s.viewer, 'elsewhere')
    expect(await closeOf(elsewhere)).toBe(4403)
  })

  it('downloads the rationale document but not the record or the CSV', async () => {
    const server = await startServer()
    const s = await workshopWithLink(server)
    const exportPath = (format: string) => `/api/workshops/${s.workshopId}/export?format=${format}`
    const md = await call(server, 'GET', exportPath('md'), s.viewer)
    expect(md.status).toBe(200)
    expect(await md.text()).toContain('# Theatre scheduling')
    const html = await call(server, 'GET', exportPath('html'), s.viewer)
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    for (const format of ['json', 'csv']) {
      const refused = await call(server, 'GET', exportPath(format), s.viewer)
      expect(refused.status).toBe(403)
      expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
    const other = await createWorkshop(server)
    const elsewhere = `/api/workshops/${other.workshopId}/export?format=md`
    expect((await call(server, 'GET', elsewhere, s.viewer)).status).toBe(403)
  })

  it('once revoked, closes what it opened and opens nothing more', async () => {
    const server = await startServer()
    const s = await workshopWithLink(server)
    const board = stock(server, docName(s.workshopId, 'board'), s.viewer, 'viewer board')
    await whenSynced(board)
    const path = `/api/workshops/${s.workshopId}/viewer-link`
    expect((await call(server, 'DELETE', path, s.facilitatorToken)).status).toBe(204)
    expect(await closeOf(board)).toBe(4401)
    const again = stock(server, docName(s.workshopId, 'control'), s.viewer, 'viewer again')
    expect(await closeOf(again)).toBe(4401)
    const md = `/api/workshops/${s.workshopId}/export?format=md`
    expect((await call(server, 'GET', md, s.viewer)).status).toBe(401)
  })

  it('is replaced by a new link: the old token stops working, the new one reads', async () => {
    const server = await startServer()
    const s = await workshopWithLink(server)
    const old = stock(server, docName(s.workshopId, 'board'), s.viewer, 'old link')
    await whenSynced(old)
    const path = `/api/workshops/${s.workshopId}/viewer-link`
    const renewed = await post<ViewerLinkResponse>(server, path, {}, s.facilitatorToken)
    expect(renewed.status).toBe(201)
    expect(renewed.body.token).not.toBe(s.viewer)
    expect(await closeOf(old)).toBe(4401)
    const fresh = stock(server, docName(s.workshopId, 'board'), renewed.body.token, 'new link')
    await whenSynced(fresh)
    expect(readBoard(fresh.doc).cards).toHaveLength(ITEMS.length)
  })

  it('goes with the workshop when it is deleted', async () => {
    const server = await startServer()
    const s = await workshopWithLink(server)
    expect(
      (await call(server, 'DELETE', `/api/workshops/${s.workshopId}`, s.facilitatorToken)).status,
    ).toBe(204)
    expect((await call(server, 'GET', '/api/session', s.viewer)).status).toBe(401)
  })

  it("is open to more readers at once than one person's token", async () => {
    const server = await startServer({
      MAX_CONNECTIONS_PER_TOKEN: '2',
      MAX_CONNECTIONS_PER_VIEWER_LINK: '5',
    })
    const s = await workshopWithLink(server)
    const readers = Array.from({ length: 5 }, (_, i) =>
      stock(server, docName(s.workshopId, 'board'), s.viewer, `reader ${i}`),
    )
    await Promise.all(readers.map((r) => whenSynced(r)))
    for (const r of readers) expect(readBoard(r.doc).cards).toHaveLength(ITEMS.length)
    const oneTooMany = stock(server, docName(s.workshopId, 'board'), s.viewer, 'one too many')
    expect(await closeOf(oneTooMany)).toBe(4430)
  })
})
