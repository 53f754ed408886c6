#!/usr/bin/env node
// Build-size check: what a phone downloads from a join link, as it travels, in two steps: the
// first load (index.html, the entry chunk and its static imports: what the join form waits for),
// then the phone view the join page loads while the person types (its chunk and static imports:
// what the phase view waits for). The budget (issues 6 and 16) holds the two together, as
// `pnpm bench:phone` counts them: each answer whole, headers and brotli body, asked of the real
// server (server/src/index.ts serving client/dist) as a phone asks for it. A stylesheet the build
// writes into index.html counts once, inside the page, unless a lazy chunk's preload would fetch
// it again (no disabled <link> for it left in the page): then it counts a second time. The gzip
// copies (what a browser that does not take brotli gets) and the participant's other lazy chunks,
// which the service worker precaches, are listed.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import {
  inlinedCss,
  participantFiles,
  phoneViewFiles,
} from '../client/scripts/participant-route.mjs'

// The phone's budget (issues 6 and 16). Charts (d3) and drag and drop (@dnd-kit) load lazily,
// and the shared schemas use zod/mini, which keeps most of zod off the phone; the join page
// loads neither zod nor Yjs.
const BUDGET_KB = 120
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'client', 'dist')
/** The page a join link opens (any well-formed code: the page is the same for every one). */
const JOIN_PAGE = '/j/ABC234'
let manifest
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
} catch {
  console.error(
    'client/dist/.vite/manifest.json is missing: build the client with build.manifest on.',
  )
  process.exit(1)
}

/** Bytes on the wire: the build's precompressed copy; a missing one means it was not smaller. */
function wireSize(file, ext, compress) {
  const path = join(dist, file)
  if (existsSync(path + ext)) return readFileSync(path + ext).length
  const raw = readFileSync(path)
  return Math.min(raw.length, compress(raw).length)
}

if (!existsSync(join(dist, 'index.html.br'))) {
  console.error('client/dist has no precompressed files: build the client with its Vite config.')
  process.exit(1)
}

/** The server as `npm start` runs it, serving client/dist on a free port of loopback. */
async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-check-bundle-'))
  // One node on SQLite in a temporary folder, whatever the caller's environment names.
  const { DATABASE_URL, REDIS_URL, PUBLIC_URL, ...env } = process.env
  void [DATABASE_URL, REDIS_URL, PUBLIC_URL]
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: join(root, 'server'),
    env: {
      ...env,
      NODE_OPTIONS: '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: dist,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
  process.once('exit', stop)
  let log = ''
  const url = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${log}`)), 60_000)
    child.stderr.on('data', (chunk) => (log += chunk))
    child.stdout.on('data', (chunk) => {
      log += chunk
      const m = /listening on (http:\/\/\S+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        done(m[1])
      }
    })
    child.once('exit', (code) => fail(new Error(`the server exited (${code}):\n${log}`)))
  })
  return { url, stop }
}

/**
 * One answer as it crosses the wire (HTTP/1.1): status line, headers and body as sent, asked
 * for as Chromium asks (brotli or gzip accepted). `encoding` is what the server chose.
 */
function wire(base, path, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = { 'accept-encoding': acceptEncoding, 'user-agent': 'check-bundle' }
    const req = request(base + path, { headers }, (res) => {
      let bytes = Buffer.byteLength(`HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n\r\n`)
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        bytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`)
      }
      res.on('data', (chunk) => (bytes += chunk.length))
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${path}: HTTP ${res.statusCode}`))
        else resolve({ bytes, encoding: res.headers['content-encoding'] ?? 'none' })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const kb = (bytes) => (bytes / 1024).toFixed(1)

/** Each file's brotli / gzip / raw size in dist, and its answer's size on the wire. */
async function measure(base, files) {
  const rows = []
  for (const file of files) {
    const path = file === 'index.html' ? JOIN_PAGE : `/${file}`
    const br = await wire(base, path, 'gzip, deflate, br')
    const gz = await wire(base, path, 'gzip, deflate')
    rows.push({
      file,
      raw: readFileSync(join(dist, file)).length,
      br: wireSize(file, '.br', brotliCompressSync),
      gz: wireSize(file, '.gz', gzipSync),
      wire: br.bytes,
      wireGz: gz.bytes,
      encoding: br.encoding,
    })
  }
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0)
  return {
    rows,
    raw: sum('raw'),
    br: sum('br'),
    gz: sum('gz'),
    wire: sum('wire'),
    wireGz: sum('wireGz'),
  }
}

const show = (title, m) => {
  console.log(`${title} (on the wire, brotli answer / its body / gzip body / raw KB):`)
  for (const r of m.rows) {
    const note = r.encoding === 'none' && /\.(js|css|html)$/.test(r.file) ? ' (uncompressed!)' : ''
    console.log(`  ${r.file}: ${kb(r.wire)} / ${kb(r.br)} / ${kb(r.gz)} / ${kb(r.raw)}${note}`)
  }
}

const server = await startServer()
let failed = false
try {
  const first = ['index.html', ...participantFiles(manifest, { lazy: false })]
  const initial = await measure(server.url, first)
  show('First load, until the join form', initial)

  // The entry's CSS is in index.html; a lazy chunk that imports from the entry lists it as a
  // dependency, and Vite's preload helper fetches it again unless the page links it (disabled).
  const page = readFileSync(join(dist, 'index.html'), 'utf8')
  const refetched = [...inlinedCss(manifest)].filter(
    (css) => !new RegExp(`<link rel="stylesheet" href="/${css}" disabled>`).test(page),
  )
  const firstSet = new Set(first)
  const phoneFiles = [...phoneViewFiles(manifest).filter((f) => !firstSet.has(f)), ...refetched]
  const phone = await measure(server.url, phoneFiles)
  show('Then the phone view, loaded while the person types (until the phase view)', phone)
  for (const css of refetched) {
    console.log(`  ${css} is inline in index.html, and fetched again (no disabled <link> for it)`)
  }

  const shown = new Set([...first, ...phoneFiles])
  const others = participantFiles(manifest, { lazy: true }).filter((f) => !shown.has(f))
  const lazy = await measure(server.url, others)
  show('Other lazy chunks of the participant route, precached by the service worker', lazy)
  console.log(`  together: ${kb(lazy.wire)} KB on the wire (${kb(lazy.br)} KB brotli bodies)`)

  console.log(
    `join form first load: ${kb(initial.wire)} KB on the wire, ${kb(initial.br)} KB brotli ` +
      `bodies, ${kb(initial.gz)} KB gzip (${kb(initial.raw)} KB raw)`,
  )
  const route = initial.wire + phone.wire
  console.log(
    `participant route to the phase view: ${kb(route)} KB on the wire in ` +
      `${initial.rows.length + phone.rows.length} answers (brotli bodies ` +
      `${kb(initial.br + phone.br)} KB, headers ${kb(route - initial.br - phone.br)} KB; ` +
      `${kb(initial.wireGz + phone.wireGz)} KB with gzip; budget ${BUDGET_KB} KB)`,
  )
  if (route / 1024 > BUDGET_KB) {
    console.error(
      `the participant route to the phase view is over budget by ` +
        `${(route / 1024 - BUDGET_KB).toFixed(1)} KB (see docs/performance.md)`,
    )
    failed = true
  }
} finally {
  server.stop()
}
if (failed) process.exit(1)
