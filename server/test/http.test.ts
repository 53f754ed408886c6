// The HTTP contract of DESIGN.md against a real server on port 0 with a temp SQLite folder.
import { describe, expect, it } from 'vitest'
import { docName } from '@triage/shared'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createWorkshop, joinWorkshop, post, startServer, tempDir } from './helpers.js'

type ErrorBody = { error: { code: string; message: string } }

describe('HTTP API', () => {
  it('answers /healthz once the store is open, with security headers', async () => {
    const server = await startServer()
    const res = await fetch(server.url + '/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('says how long the server spent on every answer, errors included', async () => {
    const server = await startServer()
    for (const res of [
      await fetch(server.url + '/healthz'),
      await fetch(server.url + '/api/workshops/nope/export.json'),
    ]) {
      const timing = /^app;dur=(\d+\.\d)$/.exec(res.headers.get('server-timing') ?? '')
      expect(timing, `${res.url} ${res.status}`).not.toBeNull()
      expect(Number(timing![1])).toBeGreaterThanOrEqual(0)
    }
  })

  it('reports PUBLIC_URL as the address join links carry', async () => {
    const server = await startServer({ PUBLIC_URL: 'http://192.0.2.10:3000/' })
    const res = await fetch(server.url + '/api/config')
    expect(await res.json()).toEqual({ publicUrl: 'http://192.0.2.10:3000' })
  })

  it('creates a workshop', async () => {
    const server = await startServer()
    const res = await post<Record<string, string>>(server, '/api/workshops', {
      title: 'Imaging backlog',
      groups: ['Surgeons', 'Radiologists', 'Administrators'],
    })
    expect(res.status).toBe(201)
    expect(Object.keys(res.body).sort()).toEqual(['facilitatorToken', 'joinCode', 'workshopId'])
    expect(res.body.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
  })

  it.each([
    [{ groups: ['A'] }, /title/i],
    [{ title: 'x', groups: [] }, /at least one stakeholder group/i],
    [{ title: 'x', groups: ['A', 'a'] }, /must differ/i],
    [{ title: 'x'.repeat(121), groups: ['A'] }, /at most 120/],
    [{ title: 'x', groups: ['A'], dotBudget: 2.5 }, /dotBudget/],
  ])('refuses a bad workshop %j with a clear JSON error', async (body, message) => {
    const server = await startServer()
    const res = await post<ErrorBody>(server, '/api/workshops', body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('bad_request')
    expect(res.body.error.message).toMatch(message)
  })

  it('refuses a body that is not JSON, or too large', async () => {
    const server = await startServer()
    const notJson = await fetch(server.url + '/api/workshops', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":',
    })
    expect(notJson.status).toBe(400)
    expect(((await notJson.json()) as ErrorBody).error.code).toBe('bad_request')
    const huge = await post<ErrorBody>(server, '/api/workshops', {
      title: 'x',
      groups: ['A'],
      pad: 'x'.repeat(70_000),
    })
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('payload_too_large')
  })

  it('joins by code, case and spacing forgiven, by group id or name', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const info = await fetch(`${server.url}/api/join/${w.joinCode.toLowerCase()}`)
    expect(await info.json()).toEqual({
      title: 'Theatre scheduling',
      groups: [
        { id: 'g1', name: 'Surgeons' },
        { id: 'g2', name: 'Radiologists' },
      ],
    })
    const byId = await post<Record<string, string>>(server, '/api/join', {
      code: ` ${w.joinCode.slice(0, 3)}-${w.joinCode.slice(3)} `,
      name: 'Dana',
      group: 'g2',
    })
    expect(byId.status).toBe(200)
    expect(byId.body.workshopId).toBe(w.workshopId)
    const byName = await post(server, '/api/join', {
      code: w.joinCode,
      name: 'Eli',
      group: 'radiologists',
    })
    expect(byName.status).toBe(200)
  })

  it('answers an unknown code 404, a closed workshop 403, an unknown group 400', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const unknown = await post<ErrorBody>(server, '/api/join', {
      code: w.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ',
      name: 'Dana',
      group: 'g1',
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toEqual({ code: 'not_found', message: 'No workshop has this code' })
    const badGroup = await post<ErrorBody>(server, '/api/join', {
      code: w.joinCode,
      name: 'Dana',
      group: 'Nurses',
    })
    expect(badGroup.status).toBe(400)
    expect(badGroup.body.error.message).toContain('Surgeons, Radiologists')
    const closed = await post(
      server,
      `/api/workshops/${w.workshopId}/close`,
      {},
      w.facilitatorToken,
    )
    expect(closed.status).toBe(204)
    const late = await post<ErrorBody>(server, '/api/join', {
      code: w.joinCode,
      name: 'Dana',
      group: 'g1',
    })
    expect(late.status).toBe(403)
    expect(late.body.error.code).toBe('closed')
  })

  it('tells a token who it is', async () => {
    const server = await startServer()
    const w = await createWorkshop(server)
    const p = await joinWorkshop(server, w.joinCode, 'Dana')
    const me = async (token?: string) => {
      const res = await fetch(server.url + '/api/session', {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
      return { status: res.status, body: (await res.json()) as unknown }
    }
    expect(await me(w.facilitatorToken)).toEqual({
      status: 200,
      body: {
        workshopId: w.workshopId,
        role: 'facilitator',
        participantId: null,
        joinCode: w.joinCode,
      },
    })
    expect((await me(p.token)).body).toMatchObject({
      role: 'participant',
      participantId: p.participantId,
      joinCode: null,
    })
    expect((await me()).status).toBe(401)
    expect((await me('x'.repeat(32))).status).toBe(401)
  })

  it("lets only the workshop's facilitator close or delete it", async () => {
    const server = await startServer()
    const a = await createWorkshop(server)
    const b = await createWorkshop(server)
    const p = await joinWorkshop(server, a.joinCode, 'Dana')
    const del = (id: string, token?: string) =>
      fetch(`${server.url}/api/workshops/${id}`, {
        method: 'DELETE',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
    expect((await del(a.workshopId)).status).toBe(401)
    expect((await del(a.workshopId, p.token)).status).toBe(403)
    expect((await del(a.workshopId, b.facilitatorToken)).status).toBe(403)
    const close = await post<ErrorBody>(server, `/api/workshops/${a.workshopId}/close`, {}, p.token)
    expect(close.status).toBe(403)
    expect(close.body.error.code).toBe('forbidden')
  })

  it('deletes every trace of a workshop and nothing of another', async () => {
    const server = await startServer()
    const a = await createWorkshop(server)
    const b = await createWorkshop(server)
    const p = await joinWorkshop(server, a.joinCode, 'Dana')
    await joinWorkshop(server, b.joinCode, 'Eli')
    const res = await fetch(`${server.url}/api/workshops/${a.workshopId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${a.facilitatorToken}` },
    })
    expect(res.status).toBe(204)
    const store = server.app.store
    expect(await store.getWorkshop(a.workshopId)).toBeNull()
    expect(await store.listParticipants(a.workshopId)).toEqual([])
    expect(
      await store.loadDocument(docName({ workshopId: a.workshopId, kind: 'control' })),
    ).toEqual([])
    expect(await store.findToken('x')).toBeNull()
    const session = await fetch(server.url + '/api/session', {
      headers: { authorization: `Bearer ${p.token}` },
    })
    expect(session.status).toBe(401)
    expect(await store.getWorkshop(b.workshopId)).not.toBeNull()
    expect(
      (await store.loadDocument(docName({ workshopId: b.workshopId, kind: 'control' }))).length,
    ).toBeGreaterThan(0)
    const join = await post(server, '/api/join', { code: a.joinCode, name: 'Late', group: 'g1' })
    expect(join.status).toBe(404)
  })

  it('rate-limits workshop creation with a JSON 429', async () => {
    const server = await startServer({ CREATE_PER_MINUTE: '2' })
    await createWorkshop(server)
    await createWorkshop(server)
    const res = await post<ErrorBody>(server, '/api/workshops', { title: 'x', groups: ['A'] })
    expect(res.status).toBe(429)
    expect(res.body.error.code).toBe('rate_limited')
    expect(res.body.error.message).toMatch(/try again/i)
  })

  it('answers unknown API routes with a JSON 404', async () => {
    const server = await startServer()
    const res = await fetch(server.url + '/api/nothing')
    expect(res.status).toBe(404)
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_found')
  })
})

describe('serving the client', () => {
  it('answers every page route with index.html, and unknown files and API paths with 404', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Triage Board</title>')
    const server = await startServer({ STATIC_DIR: dir })
    for (const path of ['/', '/j/ABCDEF', '/w/some-workshop/facilitate']) {
      const res = await fetch(server.url + path)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>Triage Board</title>')
      expect((await fetch(server.url + path, { method: 'HEAD' })).status).toBe(200)
    }
    expect((await fetch(server.url + '/assets/missing.js')).status).toBe(404)
    expect((await fetch(server.url + '/api/missing')).status).toBe(404)
  })
})
