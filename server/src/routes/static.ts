// Serves the built client, with index.html for every page route (the client routes itself).
// Text files are served as the build precompressed them (brotli, gzip) when the request accepts
// it; hashed files under /assets/ are cached for good, everything else is revalidated each time.
import { existsSync } from 'node:fs'
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

const staticFiles: FastifyPluginAsync = async (app) => {
  const dir = app.config.staticDir
  const hasClient = dir !== null && existsSync(join(dir, 'index.html'))
  if (hasClient) {
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
