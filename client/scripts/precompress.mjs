#!/usr/bin/env node
// Writes a brotli (.br) and a gzip (.gz) copy next to every text file of the built client, so
// the server sends them as they are (@fastify/static `preCompressed`) instead of compressing
// each response. Run by the Vite build (vite.config.ts); `node scripts/precompress.mjs <dir>`
// does it by hand. Source maps are left out: only developer tools fetch them.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TEXT = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/

/** Compresses every text file under `dir`; returns how many files got compressed copies. */
export async function precompress(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  let count = 0
  for (const entry of entries) {
    if (!entry.isFile() || !TEXT.test(entry.name)) continue
    const path = join(entry.parentPath, entry.name)
    // Vite's own manifest is read at build time, never served.
    if (relative(dir, path).startsWith('.vite')) continue
    const raw = await readFile(path)
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    })
    const gz = gzipSync(raw, { level: 9 })
    // A copy that is not smaller is not worth a header: the server falls back to the file.
    if (br.length < raw.length) await writeFile(`${path}.br`, br)
    if (gz.length < raw.length) await writeFile(`${path}.gz`, gz)
    count++
  }
  return count
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2]
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs <dist folder>')
    process.exit(2)
  }
  console.log(`precompressed ${await precompress(dir)} files in ${dir}`)
}
