// What the engineer who runs the server reads: the node's counters (the bus between nodes, the
// documents in memory). Guarded by OPERATOR_TOKEN when set, else answered on loopback only.
import { timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { HttpError } from '../http-error.js'

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

const operator: FastifyPluginAsync = async (app) => {
  const allowed = (request: FastifyRequest): boolean => {
    const expected = app.config.operatorToken
    if (expected === null) return LOOPBACK.has(request.socket.remoteAddress ?? '')
    const header = request.headers.authorization ?? ''
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
    const want = Buffer.from(expected)
    return given.length === want.length && timingSafeEqual(given, want)
  }

  app.get('/api/operator/stats', async (request) => {
    if (!allowed(request)) {
      throw new HttpError(
        403,
        'forbidden',
        'Operator endpoints answer on loopback, or with the OPERATOR_TOKEN as a bearer token',
      )
    }
    return {
      documentsLoaded: app.rooms.loaded,
      connections: app.sockets.stats(),
      store: app.config.database ? 'postgresql' : 'sqlite',
      cluster: app.cluster?.stats() ?? null,
    }
  })
}
export default operator
