// Serves the built client, with index.html for every page route (the client routes itself).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'
import { HttpError } from '../http-error.js'

const staticFiles: FastifyPluginAsync = async (app) => {
  const dir = app.config.staticDir
  const hasClient = dir !== null && existsSync(join(dir, 'index.html'))
  if (hasClient) {
    await app.register(fastifyStatic, { root: dir, wildcard: false, index: ['index.html'] })
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
      return reply.type('text/html').sendFile('index.html')
    }
    throw new HttpError(404, 'not_found', `No route for ${request.method} ${path}`)
  })
}
export default staticFiles
