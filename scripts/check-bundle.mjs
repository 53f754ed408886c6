#!/usr/bin/env node
// Build-size check: what a phone downloads from a join link, as it travels (the precompressed
// brotli copies the server sends), in two steps: the first load (index.html, the entry chunk and
// its static imports, their CSS: what the join form waits for, and what the budget holds, as
// `pnpm bench:phone` does), then the phone view the join page loads while the person types (its
// chunk and static imports: what the phase view waits for), reported with the two together and
// a warning when they pass the budget. The gzip copies (what a browser that does not take brotli
// gets) and the participant's other lazy chunks, which the service worker precaches, are listed.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { participantFiles, phoneViewFiles } from '../client/scripts/participant-route.mjs'

// The phone's budget (issues 6 and 16). Charts (d3) and drag and drop (@dnd-kit) load lazily,
// and the shared schemas use zod/mini, which keeps most of zod off the phone; the join page
// loads neither zod nor Yjs.
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
console.log('First load, until the join form (brotli / gzip / raw KB):')
for (const r of initial.rows) console.log(`  ${r.file}: ${kb(r.br)} / ${kb(r.gz)} / ${kb(r.raw)}`)
const firstSet = new Set(first)
const phoneFiles = phoneViewFiles(manifest).filter((f) => !firstSet.has(f))
const phone = measure(phoneFiles)
console.log('Then the phone view, loaded while the person types (until the phase view):')
for (const r of phone.rows) console.log(`  ${r.file}: ${kb(r.br)} / ${kb(r.gz)} / ${kb(r.raw)}`)
const shown = new Set([...first, ...phoneFiles])
const lazy = measure(participantFiles(manifest, { lazy: true }).filter((f) => !shown.has(f)))
console.log('Other lazy chunks of the participant route, precached by the service worker:')
for (const r of lazy.rows) console.log(`  ${r.file}: ${kb(r.br)} / ${kb(r.gz)} / ${kb(r.raw)}`)
console.log(`  together: ${kb(lazy.br)} KB brotli, ${kb(lazy.gz)} KB gzip`)
console.log(
  `join form first load: ${kb(initial.br)} KB brotli, ${kb(initial.gz)} KB gzip ` +
    `(${kb(initial.raw)} KB raw; budget ${BUDGET_KB} KB brotli)`,
)
const route = initial.br + phone.br
console.log(
  `participant route to the phase view: ${kb(route)} KB brotli, ` +
    `${kb(initial.gz + phone.gz)} KB gzip (${kb(initial.raw + phone.raw)} KB raw)`,
)
if (route / 1024 > BUDGET_KB) {
  console.warn(
    `warning: the route to the phase view is ${(route / 1024 - BUDGET_KB).toFixed(1)} KB over ` +
      `${BUDGET_KB} KB (the phone view loads while the person types; see docs/performance.md)`,
  )
}
if (initial.br / 1024 > BUDGET_KB) {
  console.error(
    `join form first load over budget by ${(initial.br / 1024 - BUDGET_KB).toFixed(1)} KB`,
  )
  process.exit(1)
}
