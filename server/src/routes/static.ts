// Serves the built client, with index.html for every page route (the client routes itself).
// Text files are served as the build precompressed them (brotli, gzip) when the request accepts
// it; hashed files under /assets/ are cached for good, everything else is revalidated each time.
// index.html's own inline scripts (the join page's first screen, the phone view's preload hints)
// are allowed by their hashes in its Content-Security-Policy, and no other inline script is.
// The pages' stylesheets and scripts go without the headers only a document heeds.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { joinCodeSchema } from '@triage/shared'
import { HttpError } from '../http-error.js'

/** A file under assets/ has a content hash in its name: its URL never serves other bytes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else (index.html, page routes, sw.js, the manifest, icons): ask every time. */
export const REVALIDATE = 'no-cache'

/**
 * The `Link` header of a join link's page: the browser fetches the workshop's join information
 * (what the join form shows) while the scripts download, instead of after they have run. The URL
 * is the one the join page asks for (client/src/lib/api.ts), so the preload is what it gets.
 */
export function joinInfoPreload(path: string): string | null {
  const m = /^\/j\/([^/]{1,20})\/?$/.exec(path)
  if (!m?.[1]) return null
  let raw = m[1]
  try {
    raw = decodeURIComponent(raw)
  } catch {
    // Left as it is, as the client does.
  }
  const code = joinCodeSchema.safeParse(raw)
  if (!code.success) return null
  return `</api/join/${encodeURIComponent(code.data)}>; rel=preload; as=fetch; crossorigin=anonymous`
}

/** The Cache-Control of a file of the built client, by where it sits in `root`. */
export function cacheControlFor(root: string, file: string): string {
  const path = relative(root, file).split(sep)
  return path.length > 1 && path[0] === 'assets' ? IMMUTABLE : REVALIDATE
}

/**
 * Headers helmet puts on every answer that only a document heeds (and a worker, whose script's
 * CSP is the worker's own): a stylesheet or a module script a page loads ignores them. Its
 * stylesheets and scripts go without them: about 0.5 KB of each of the dozen answers a phone
 * waits for on a join link, more than some of the files themselves. X-Content-Type-Options,
 * Cross-Origin-Resource-Policy and Referrer-Policy (a module script's own) stay.
 */
export const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'x-frame-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
] as const

/**
 * Whether `file` (in `root`) is a stylesheet or script of the pages under assets/, and not a
 * worker's script: the build names those `worker-…` (client/vite.config.ts), and any script
 * with "worker" in its name keeps every header, to be safe.
 */
export function isPageSubresource(root: string, file: string): boolean {
  const path = relative(root, file).split(sep)
  if (path.length !== 2 || path[0] !== 'assets') return false
  const name = (path[1] ?? '').replace(/\.(br|gz)$/, '')
  return /\.(css|js)$/.test(name) && !/worker/i.test(name)
}

/** The CSP source of each inline script of an HTML page (`'sha256-…'`), in page order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '')) continue
    const digest = createHash('sha256')
      .update(m[2] ?? '', 'utf8')
      .digest('base64')
    hashes.push(`'sha256-${digest}'`)
  }
  return hashes
}

/** `csp` with `sources` added to its script-src (the policy is returned as it is without one). */
export function allowScripts(csp: string, sources: readonly string[]): string {
  if (sources.length === 0) return csp
  return csp
    .split(';')
    .map((directive) =>
      /^\s*script-src\s/i.test(directive)
        ? `${directive.trimEnd()} ${sources.join(' ')}`
        : directive,
    )
    .join(';')
}

/** The inline script hashes of `file`, read again when the file changes (a new build). */
function pageScripts(file: string): () => string[] {
  let seen = ''
  let hashes: string[] = []
  return () => {
    try {
      const stat = statSync(file)
      const key = `${stat.mtimeMs}:${stat.size}`
      if (key !== seen) {
        hashes = inlineScriptHashes(readFileSync(file, 'utf8'))
        seen = key
      }
    } catch {
      hashes = []
      seen = ''
    }
    return hashes
  }
}

const staticFiles: FastifyPluginAsync = async (app) => {
  const dir = app.config.staticDir
  const hasClient = dir !== null && existsSync(join(dir, 'index.html'))
  if (hasClient) {
    const indexScripts = pageScripts(join(dir, 'index.html'))
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: ['index.html'],
      // index.html.br, app.js.gz, … written by the client build (client/scripts/precompress.mjs).
      preCompressed: true,
      // Set per file below; ETag and Last-Modified stay on, so revalidation answers 304.
      cacheControl: false,
      setHeaders: (reply: FastifyReply, file: string) => {
        reply.header('cache-control', cacheControlFor(dir, file))
        if (isPageSubresource(dir, file)) {
          for (const name of DOCUMENT_ONLY_HEADERS) reply.removeHeader(name)
        }
        // index.html (its .br or .gz copy too), for "/", "/index.html" and every page route.
        const csp = reply.getHeader('content-security-policy')
        if (typeof csp === 'string' && /^index\.html(\.br|\.gz)?$/.test(relative(dir, file))) {
          reply.header('content-security-policy', allowScripts(csp, indexScripts()))
        }
      },
    })
  } else {
    if (dir !== null) app.log.warn({ dir }, 'no built client found; serving the API only')
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api/') &&
      !path.startsWith('/sync/')
    if (hasClient && isPage && !/\.[a-z0-9]+$/i.test(path)) {
      const preload = joinInfoPreload(path)
      if (preload) reply.header('link', preload)
      return reply.type('text/html').sendFile('index.html')
    }
    throw new HttpError(404, 'not_found', `No route for ${request.method} ${path}`)
  })
}
export default staticFiles
