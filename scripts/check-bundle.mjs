#!/usr/bin/env node
// Build-size check: what a phone downloads to open the participant route (index.html, the entry
// chunk and its static imports, their CSS; lazy chunks excluded) must stay within the budget as
// it travels: the precompressed brotli copies the server sends. The gzip copies (what a browser
// that does not take brotli gets) and the participant's lazy chunks, which the service worker
// precaches after the first load, are listed too.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { participantFiles } from '../client/scripts/participant-route.mjs'

// The phone's budget (issues 6 and 16). Charts (d3) and drag and drop (@dnd-kit) load lazily,
// and the shared schemas use zod/mini, which keeps most of zod off the phone.
const BUDGET_KB = 120
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'client', 'dist')
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

const kb = (bytes) => (bytes / 1024).toFixed(1)
const measure = (files) => {
  const rows = files.map((file) => ({
    file,
    raw: readFileSync(join(dist, file)).length,
    br: wireSize(file, '.br', brotliCompressSync),
    gz: wireSize(file, '.gz', gzipSync),
  }))
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0)
  return { rows, raw: sum('raw'), br: sum('br'), gz: sum('gz') }
}

if (!existsSync(join(dist, 'index.html.br'))) {
  console.error('client/dist has no precompressed files: build the client with its Vite config.')
  process.exit(1)
}

const first = ['index.html', ...participantFiles(manifest, { lazy: false })]
const initial = measure(first)
console.log('First load of the participant route (brotli / gzip / raw KB):')
for (const r of initial.rows) console.log(`  ${r.file}: ${kb(r.br)} / ${kb(r.gz)} / ${kb(r.raw)}`)
const firstSet = new Set(first)
const lazy = measure(participantFiles(manifest, { lazy: true }).filter((f) => !firstSet.has(f)))
console.log('Lazy chunks of the participant route, precached by the service worker:')
for (const r of lazy.rows) console.log(`  ${r.file}: ${kb(r.br)} / ${kb(r.gz)} / ${kb(r.raw)}`)
console.log(`  together: ${kb(lazy.br)} KB brotli, ${kb(lazy.gz)} KB gzip`)
console.log(
  `participant route first load: ${kb(initial.br)} KB brotli, ${kb(initial.gz)} KB gzip ` +
    `(${kb(initial.raw)} KB raw; budget ${BUDGET_KB} KB brotli)`,
)
if (initial.br / 1024 > BUDGET_KB) {
  console.error(`over budget by ${(initial.br / 1024 - BUDGET_KB).toFixed(1)} KB`)
  process.exit(1)
}
