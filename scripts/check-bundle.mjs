#!/usr/bin/env node
// Build-size check: the JavaScript a phone downloads to open the participant route (the entry
// chunk and its static imports; lazy chunks excluded) must stay within the gzipped budget.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

// The phone's budget (issue 6). Charts (d3) and drag and drop (@dnd-kit) load lazily, and the
// shared schemas use zod/mini, which keeps most of zod off the phone.
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
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)
const seen = new Set()
const visit = (key) => {
  if (seen.has(key)) return
  seen.add(key)
  for (const dep of manifest[key].imports ?? []) visit(dep)
}
visit(entry)
let total = 0
for (const key of seen) {
  const file = manifest[key].file
  if (!file.endsWith('.js')) continue
  const kb = gzipSync(readFileSync(join(dist, file))).length / 1024
  total += kb
  console.log(`  ${file}: ${kb.toFixed(1)} KB gzipped`)
}
console.log(`participant route JavaScript: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`)
if (total > BUDGET_KB) {
  console.error(`over budget by ${(total - BUDGET_KB).toFixed(1)} KB`)
  process.exit(1)
}
