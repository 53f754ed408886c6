// Every error leaves as `{error:{code,message}}`; server faults are logged, not described.
import fp from 'fastify-plugin'
import type { ErrorCode } from '@triage/shared'
import { HttpError } from '../http-error.js'

const byStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'bad_request',
  429: 'rate_limited',
}

export default fp(
  async (app) => {
    app.setErrorHandler((err: unknown, request, reply) => {
      if (err instanceof HttpError) {
        return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message } })
      }
      const e = err as { statusCode?: number; message?: string }
      const status = typeof e.statusCode === 'number' ? e.statusCode : 500
      if (status >= 500) {
        request.log.error({ err }, 'request failed')
        return reply
          .code(500)
          .send({ error: { code: 'internal', message: 'Something went wrong on the server' } })
      }
      return reply.code(status).send({
        error: { code: byStatus[status] ?? 'bad_request', message: e.message ?? 'Bad request' },
      })
    })
  },
  { name: 'errors' },
)
