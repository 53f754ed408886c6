// Bearer-token authentication for HTTP routes, as request helpers.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { tokenSchema, type WorkshopId } from '@triage/shared'
import { hashToken } from '../auth/tokens.js'
import { HttpError } from '../http-error.js'
import type { TokenOwner } from '../store/store.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Who the request's bearer token belongs to; 401 when none or unknown. */
    authenticate(request: FastifyRequest): Promise<TokenOwner>
    /** 401 without a valid token, 403 unless it is this workshop's facilitator. */
    requireFacilitator(request: FastifyRequest, workshopId: WorkshopId): Promise<void>
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1] ?? null
}

export default fp(
  async (app) => {
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = tokenSchema.safeParse(bearerToken(request))
      const owner = token.success ? await app.store.findToken(hashToken(token.data)) : null
      if (!owner) throw new HttpError(401, 'unauthorized', 'A valid token is required')
      return owner
    })
    app.decorate('requireFacilitator', async (request: FastifyRequest, workshopId: WorkshopId) => {
      const owner = await app.authenticate(request)
      if (owner.workshopId !== workshopId || owner.role !== 'facilitator') {
        throw new HttpError(403, 'forbidden', "Only this workshop's facilitator may do that")
      }
    })
  },
  { name: 'auth', dependencies: ['core'] },
)
