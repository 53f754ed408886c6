// The built client as a phone receives it: precompressed brotli or gzip as the request accepts,
// hashed assets cached for good, index.html and page routes revalidated (ETag, Last-Modified),
// JSON answers above 1 KiB compressed, and a CSP that lets the service worker and manifest in.
import { createHash } from 'node:crypto'
import { request } from 'node:http'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createWorkshop, startServer, tempDir, type TestServer } from './helpers.js'

const IMMUTABLE = 'public, max-age=31536000, immutable'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The body as it came over the wire (not decompressed). */
  body: Buffer
}

/** A GET (or HEAD) with exactly these headers; fetch would add Accept-Encoding and decode. */
function get(
  server: TestServer,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

function decode(res: RawResponse): string {
  const encoding = res.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(res.body).toString('utf8')
  if (encoding === 'gzip') return gunzipSync(res.body).toString('utf8')
  return res.body.toString('utf8')
}

const INDEX_HTML =
  '<!doctype html><html><head><title>Triage Board</title>' +
  '<script type="module" src="/assets/index-Ab12_cD3.js"></script></head>' +
  `<body><div id="root"></div>${'<!-- padding -->'.repeat(40)}</body></html>`
const ENTRY_JS = `export const answer = 42;\n${'console.log("a phone on slow Wi-Fi");\n'.repeat(200)}`

/** A built client as `vite build` leaves it: each text file with its .br and .gz copies. */
function builtClient(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'))
  const files: Record<string, string> = {
    'index.html': INDEX_HTML,
    'assets/index-Ab12_cD3.js': ENTRY_JS,
    'assets/index-Xy34_eF5.css': `body { margin: 0 }\n${'.card { padding: 1rem }\n'.repeat(100)}`,
    'sw.js': `self.addEventListener('fetch', () => {})\n${'// precache\n'.repeat(100)}`,
    'assets/worker-sensitivity.worker-Gh56_iJ7.js': `onmessage = () => {}\n${'// work\n'.repeat(100)}`,
    'manifest.webmanifest': JSON.stringify({ name: 'Triage Board', start_url: '/' }),
  }
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text, 'utf8')
    writeFileSync(join(dir, name), raw)
    // Highest levels, as the build writes them (the server compresses on the fly at lower ones).
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(raw))
    writeFileSync(join(dir, `${name}.gz`), gzipSync(raw, { level: 9 }))
  }
  // Not text: served as it is, never compressed.
  writeFileSync(join(dir, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]))
  return dir
}

const PAGES = ['/', '/index.html', '/j/ABC234', '/w/abcdefgh12', '/w/abcdefgh12/facilitate']

describe('serving the built client to phones', () => {
  it.each([
    ['br', 'gzip, deflate, br', 'br'],
    ['gzip', 'gzip, deflate', 'gzip'],
    ['brotli when both are equally welcome', 'gzip, br', 'br'],
    ['gzip when brotli is refused', 'br;q=0, gzip', 'gzip'],
    ['none for identity', 'identity', undefined],
    ['none without Accept-Encoding', '', undefined],
  ])('answers assets with Content-Encoding %s', async (_name, accept, expected) => {
    const dir = builtClient()
    const server = await startServer({ STATIC_DIR: dir })
    const headers: Record<string, string> = accept ? { 'accept-encoding': accept } : {}
    const files: [string, string][] = [
      ['/assets/index-Ab12_cD3.js', 'assets/index-Ab12_cD3.js'],
      ['/assets/index-Xy34_eF5.css', 'assets/index-Xy34_eF5.css'],
      ...PAGES.map((path): [string, string] => [path, 'index.html']),
    ]
    for (const [path, file] of files) {
      const res = await get(server, path, headers)
      expect(res.status, path).toBe(200)
      expect(res.headers['content-encoding'], path).toBe(expected)
      expect(res.headers.vary, path).toMatch(/accept-encoding/i)
      // Byte for byte the build's copy: compressed once at build time, not per request.
      const copy = { br: '.br', gzip: '.gz' }[expected ?? ''] ?? ''
      expect(res.body.equals(readFileSync(join(dir, file + copy))), path).toBe(true)
    }
    const js = await get(server, '/assets/index-Ab12_cD3.js', headers)
    expect(js.headers['content-type']).toMatch(/^(text|application)\/javascript/)
    expect(decode(js)).toBe(ENTRY_JS)
    const page = await get(server, '/w/abcdefgh12', headers)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(decode(page)).toBe(INDEX_HTML)
  })

  it('caches hashed assets for a year, immutable, whatever the encoding', async () => {
    const server = await startServer({ STATIC_DIR: builtClient() })
    for (const accept of ['br', 'gzip', 'identity']) {
      for (const path of ['/assets/index-Ab12_cD3.js', '/assets/index-Xy34_eF5.css']) {
        const res = await get(server, path, { 'accept-encoding': accept })
        expect(res.headers['cache-control'], `${path} (${accept})`).toBe(IMMUTABLE)
      }
    }
  })

  it('never caches index.html, page routes, the service worker or the manifest as immutable', async () => {
    const server = await startServer({ STATIC_DIR: builtClient() })
    const paths = [...PAGES, '/sw.js', '/manifest.webmanifest', '/icon-192.png']
    for (const accept of ['br', 'gzip', 'identity']) {
      for (const method of ['GET', 'HEAD']) {
        for (const path of paths) {
          const res = await get(server, path, { 'accept-encoding': accept }, method)
          const what = `${method} ${path} (${accept})`
          expect(res.status, what).toBe(200)
          expect(res.headers['cache-control'], what).toBe('no-cache')
          expect(res.headers.etag, what).toBeTruthy()
          expect(res.headers['last-modified'], what).toBeTruthy()
        }
      }
    }
    const manifest = await get(server, '/manifest.webmanifest')
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/)
  })

  it('revalidates index.html and page routes: 304 for the same file, per encoding', async () => {
    const server = await startServer({ STATIC_DIR: builtClient() })
    for (const accept of ['br', 'gzip', 'identity']) {
      for (const path of PAGES) {
        const first = await get(server, path, { 'accept-encoding': accept })
        const etag = String(first.headers.etag)
        const lastModified = String(first.headers['last-modified'])
        const byEtag = await get(server, path, {
          'accept-encoding': accept,
          'if-none-match': etag,
        })
        expect(byEtag.status, `${path} (${accept}) by ETag`).toBe(304)
        expect(byEtag.body.length).toBe(0)
        expect(byEtag.headers['cache-control']).toBe('no-cache')
        const byDate = await get(server, path, {
          'accept-encoding': accept,
          'if-modified-since': lastModified,
        })
        expect(byDate.status, `${path} (${accept}) by date`).toBe(304)
        const stale = await get(server, path, {
          'accept-encoding': accept,
          'if-none-match': '"not-this-one"',
        })
        expect(stale.status).toBe(200)
        expect(decode(stale)).toBe(INDEX_HTML)
      }
    }
    // Each encoding is its own representation: a cache must not answer one with another's tag.
    const tags = await Promise.all(
      ['br', 'gzip', 'identity'].map(
        async (accept) => (await get(server, '/', { 'accept-encoding': accept })).headers.etag,
      ),
    )
    expect(new Set(tags).size).toBe(3)
  })

  it('has a join link preload the join information its page will ask for', async () => {
    const server = await startServer({ STATIC_DIR: builtClient() })
    const preload = '</api/join/ABC234>; rel=preload; as=fetch; crossorigin=anonymous'
    // The code as the join page reads it: case and dashes forgiven.
    for (const path of ['/j/ABC234', '/j/abc-234', '/j/ABC234/']) {
      const res = await get(server, path, { 'accept-encoding': 'br' })
      expect(res.status, path).toBe(200)
      expect(res.headers.link, path).toBe(preload)
    }
    for (const path of ['/j/not-a-code', '/j/%E0%A4%A', '/w/abcdefgh12', '/']) {
      expect((await get(server, path)).headers.link, path).toBeUndefined()
    }
  })

  it('sends files that are not text as they are', async () => {
    const server = await startServer({ STATIC_DIR: builtClient() })
    const res = await get(server, '/icon-192.png', { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers['content-type']).toBe('image/png')
  })

  it("sends the pages' stylesheets and scripts without the headers only documents heed", async () => {
    const server = await startServer({ STATIC_DIR: builtClient() })
    for (const accept of ['br', 'gzip', 'identity']) {
      for (const path of ['/assets/index-Ab12_cD3.js', '/assets/index-Xy34_eF5.css']) {
        const res = await get(server, path, { 'accept-encoding': accept })
        const at = `${path} (${accept})`
        expect(res.status, at).toBe(200)
        for (const name of ['content-security-policy', 'x-frame-options', 'x-xss-protection']) {
          expect(res.headers[name], `${at}: ${name}`).toBeUndefined()
        }
        expect(res.headers['x-content-type-options'], at).toBe('nosniff')
        expect(res.headers['cross-origin-resource-policy'], at).toBe('same-origin')
      }
    }
    // A document, the service worker and a worker's script keep them: their CSP is their own.
    for (const path of [
      '/w/abcdefgh12',
      '/sw.js',
      '/assets/worker-sensitivity.worker-Gh56_iJ7.js',
    ]) {
      const res = await get(server, path, { 'accept-encoding': 'br' })
      expect(res.status, path).toBe(200)
      expect(res.headers['content-security-policy'], path).toContain("default-src 'self'")
      expect(res.headers['x-frame-options'], path).toBe('SAMEORIGIN')
    }
  })

  it('lets the service worker and the manifest in through the CSP', async () => {
    const server = await startServer({ STATIC_DIR: builtClient() })
    for (const path of ['/', '/sw.js', '/healthz']) {
      const csp = String((await get(server, path)).headers['content-security-policy'])
      expect(csp, path).toContain("worker-src 'self'")
      expect(csp, path).toContain("manifest-src 'self'")
      expect(csp, path).toContain("script-src 'self'")
    }
  })
})

describe("index.html's inline scripts", () => {
  const hash = (script: string) =>
    `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`

  it('are allowed by their hashes on every page, and nothing else inline is', async () => {
    const dir = builtClient()
    const first = 'document.documentElement.dataset.first = "1"'
    const second = "for (const x of 'a b'.split(' ')) console.log(x)"
    const html = (a: string, b: string) =>
      `<!doctype html><html><head><script>${a}</script>` +
      '<script type="module" src="/assets/index-Ab12_cD3.js"></script></head>' +
      `<body><div id="root"></div><script>${b}</script></body></html>`
    const write = (text: string) => {
      writeFileSync(join(dir, 'index.html'), text)
      writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(Buffer.from(text)))
      writeFileSync(join(dir, 'index.html.gz'), gzipSync(Buffer.from(text)))
    }
    write(html(first, second))
    const server = await startServer({ STATIC_DIR: dir })
    for (const accept of ['br', 'gzip', 'identity']) {
      for (const path of PAGES) {
        const csp = String(
          (await get(server, path, { 'accept-encoding': accept })).headers[
            'content-security-policy'
          ],
        )
        const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))
        expect(scriptSrc?.trim(), `${path} (${accept})`).toBe(
          `script-src 'self' ${hash(first)} ${hash(second)}`,
        )
      }
    }
    // A revalidation's 304 carries the same policy (the browser keeps the headers it is sent).
    const page = await get(server, '/j/ABC234', { 'accept-encoding': 'br' })
    const revalidated = await get(server, '/j/ABC234', {
      'accept-encoding': 'br',
      'if-none-match': String(page.headers.etag),
    })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers['content-security-policy']).toBe(
      page.headers['content-security-policy'],
    )
    // Assets and the API keep the policy as it is.
    for (const path of ['/assets/index-Ab12_cD3.js', '/sw.js', '/api/join/ZZZZZZ']) {
      const csp = String((await get(server, path)).headers['content-security-policy'])
      expect(csp, path).not.toContain('sha256-')
    }
    // A new build while the server runs: its scripts, not the old ones.
    const changed = 'console.log("a new deploy")'
    write(html(changed, second).replace('<html>', '<html lang="en">'))
    const csp = String((await get(server, '/j/ABC234')).headers['content-security-policy'])
    expect(csp).toContain(hash(changed))
    expect(csp).not.toContain(hash(first))
  })
})

describe('compressing JSON answers', () => {
  it('compresses a JSON answer above 1 KiB as the request accepts, and not a small one', async () => {
    const server = await startServer()
    // Long group names in Greek: two bytes a letter put the join information past 1 KiB.
    const groups = Array.from(
      { length: 12 },
      (_, i) => `Ακτινολογικό και απεικονιστικό τμήμα ${i + 1}`,
    )
    const { joinCode } = await createWorkshop(server, groups)
    const path = `/api/join/${joinCode}`
    const plain = await get(server, path)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.length).toBeGreaterThan(1024)
    const expected = JSON.parse(plain.body.toString('utf8')) as unknown
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const res = await get(server, path, { 'accept-encoding': accept })
      expect(res.status).toBe(200)
      expect(res.headers['content-encoding'], accept).toBe(encoding)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(JSON.parse(decode(res))).toEqual(expected)
      if (encoding) expect(res.body.length).toBeLessThan(plain.body.length)
    }
    const small = await get(server, '/healthz', { 'accept-encoding': 'gzip, deflate, br' })
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(small.body.toString('utf8'))).toEqual({ ok: true })
  })

  it('does not decompress request bodies: a gzipped body is refused, not inflated', async () => {
    const server = await startServer()
    const body = gzipSync(JSON.stringify({ title: 'Zipped', groups: ['A'] }))
    const res = await fetch(server.url + '/api/workshops', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    })
    expect(res.status).toBe(400)
  })
})
