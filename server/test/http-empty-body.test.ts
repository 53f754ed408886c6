// Requests that need no body are not refused for an empty one: common HTTP clients send
// `content-type: application/json` on a DELETE or an action POST without a body. A body that is
// there is still parsed strictly: invalid JSON, poisoned keys and oversize bodies are refused.
import { describe, expect, it } from 'vitest'
import { setPhase } from '@triage/shared'
import { createWorkshop, startServer, type TestServer } from './helpers.js'

interface ErrorBody {
  error: { code: string; message: string }
}

/** A request with the JSON content type and no body at all, as fetch sends it. */
async function bodyless(
  server: TestServer,
  method: 'POST' | 'DELETE',
  path: string,
  token: string,
  contentType = 'application/json',
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(server.url + path, {
    method,
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

async function raw(
  server: TestServer,
  path: string,
  body: string,
  token?: string,
): Promise<{ status: number; body: ErrorBody }> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  })
  return { status: res.status, body: (await res.json()) as ErrorBody }
}

describe('an empty body with content-type application/json', () => {
  it.each([
    ['close the workshop to newcomers', 'close', [204]],
    ['reveal the drafts', 'reveal', [200]],
    ['open voting outside the vote phase', 'voting/open', [409]],
    ['close voting before it opened', 'voting/close', [409]],
    ['reveal the votes before closing', 'voting/reveal', [409]],
  ] as const)('is accepted on POST …/%s (%s)', async (_what, action, statuses) => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const res = await bodyless(
      server,
      'POST',
      `/api/workshops/${w.workshopId}/${action}`,
      w.facilitatorToken,
    )
    expect(statuses).toContain(res.status)
    expect(res.status).not.toBe(400)
  })

  it('carries a whole voting round: open, close and reveal, none with a body', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const items = await raw(
      server,
      `/api/workshops/${w.workshopId}/items`,
      JSON.stringify({ format: 'lines', text: 'Theatre app\nBed board' }),
      w.facilitatorToken,
    )
    expect(items.status).toBe(200)
    await server.app.rooms.change({ workshopId: w.workshopId, kind: 'control' }, (doc) =>
      setPhase(doc, 'vote'),
    )
    for (const action of ['open', 'close', 'reveal']) {
      const path = `/api/workshops/${w.workshopId}/voting/${action}`
      const res = await bodyless(server, 'POST', path, w.facilitatorToken)
      expect([action, res.status]).toEqual([action, 204])
    }
  })

  it('is accepted on DELETE /api/workshops/:id, which then deletes the workshop', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const res = await bodyless(
      server,
      'DELETE',
      `/api/workshops/${w.workshopId}`,
      w.facilitatorToken,
    )
    expect(res.status).toBe(204)
    const gone = await fetch(`${server.url}/api/join/${w.joinCode}`)
    expect(gone.status).toBe(404)
  })

  it('is accepted with a charset parameter too', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const res = await bodyless(
      server,
      'POST',
      `/api/workshops/${w.workshopId}/voting/close`,
      w.facilitatorToken,
      'application/json; charset=utf-8',
    )
    expect(res.status).toBe(409)
    expect((res.body as ErrorBody).error.message).toBe('Voting is not open')
  })

  it('still gets a 400 naming the problem where the route needs a body', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const res = await bodyless(
      server,
      'POST',
      `/api/workshops/${w.workshopId}/timer`,
      w.facilitatorToken,
    )
    expect(res.status).toBe(400)
    expect((res.body as ErrorBody).error.code).toBe('bad_request')
    const create = await bodyless(server, 'POST', '/api/workshops', 'no-token-needed-here')
    expect(create.status).toBe(400)
    expect((create.body as ErrorBody).error.code).toBe('bad_request')
  })
})

describe('a body that is there', () => {
  it.each([
    ['invalid JSON', '{"title":'],
    ['a lone brace', '}'],
    ['whitespace only', '   '],
    ['a prototype-poisoning key', '{"title":"x","groups":["A"],"__proto__":{"admin":true}}'],
    ['a constructor-poisoning key', '{"constructor":{"prototype":{"admin":true}}}'],
  ])('is refused when it is %s, with the JSON error shape', async (_what, body) => {
    const server = await startServer()
    const res = await raw(server, '/api/workshops', body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('bad_request')
    expect(typeof res.body.error.message).toBe('string')
  })

  it('keeps the body limits: 64 KiB by default, 1 MiB for an item list', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const huge = await raw(
      server,
      '/api/workshops',
      JSON.stringify({ title: 'x', groups: ['A'], pad: 'x'.repeat(70_000) }),
    )
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('payload_too_large')
    const list = Array.from({ length: 1500 }, (_, i) => `Item number ${i} ${'x'.repeat(40)}`)
    const items = await raw(
      server,
      `/api/workshops/${w.workshopId}/items`,
      JSON.stringify({ format: 'lines', text: list.join('\n') }),
      w.facilitatorToken,
    )
    expect(items.status).toBe(200)
  })
})
