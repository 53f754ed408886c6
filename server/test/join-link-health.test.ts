// The join link's health on real servers: the server asks itself over the join address, so the
// console can warn when phones could not reach it, with the fix.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { JoinLinkHealth } from '@triage/shared'
import { joinLinkProblem } from '../src/routes/join-link-health.js'
import { startServer, tempDir } from './helpers.js'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

const health = async (url: string) =>
  (await (await fetch(`${url}/api/join-link-health`)).json()) as JoinLinkHealth

describe('the join link health check', () => {
  it('is fine when the join address is this server', async () => {
    const port = await freePort()
    const server = await startServer({ PUBLIC_URL: `http://127.0.0.1:${port}` }, tempDir(), port)
    expect(await health(server.url)).toEqual({
      publicUrl: `http://127.0.0.1:${port}`,
      ok: true,
      problem: null,
    })
  })

  it('warns when the join address reaches another server', async () => {
    const other = await startServer()
    const server = await startServer({ PUBLIC_URL: other.url })
    const result = await health(server.url)
    expect(result.ok).toBe(false)
    expect(result.problem).toBe(
      `The join link ${other.url} reaches a different server. Set PUBLIC_URL to this server's address.`,
    )
  })

  it('warns when nothing answers at the join address', async () => {
    const port = await freePort()
    const server = await startServer({ PUBLIC_URL: `http://127.0.0.1:${port}` })
    const result = await health(server.url)
    expect(result.ok).toBe(false)
    expect(result.problem).toMatch(/\(PUBLIC_URL\) does not answer/)
  })
})

describe('joinLinkProblem', () => {
  it.each([
    [
      '127.0.0.1',
      false,
      'unreachable',
      /listens only on 127\.0\.0\.1\. Start it with HOST=0\.0\.0\.0/,
    ],
    ['::1', false, 'other-server', /listens only on ::1/],
    ['0.0.0.0', false, 'unreachable', /does not answer from this machine\. Set PUBLIC_URL/],
    ['0.0.0.0', true, 'unreachable', /\(PUBLIC_URL\) does not answer/],
    ['0.0.0.0', true, 'other-server', /reaches a different server/],
  ] as const)('host %s, PUBLIC_URL set %s, %s', (host, set, outcome, message) => {
    expect(joinLinkProblem('http://10.0.0.5:3000', host, set, outcome)).toMatch(message)
  })

  it('is null when the address answered as this server', () => {
    expect(joinLinkProblem('http://10.0.0.5:3000', '127.0.0.1', false, 'answered')).toBeNull()
  })
})
