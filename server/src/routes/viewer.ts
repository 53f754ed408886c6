// The read-only link: POST makes one (a new token, the old one revoked), GET says whether one
// exists, DELETE revokes it and closes the sockets it opened. Facilitator only.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import {
  CLOSE,
  workshopIdSchema,
  type ViewerLinkResponse,
  type ViewerLinkStatus,
  type WorkshopId,
} from '@triage/shared'
import { hashToken, newToken } from '../auth/tokens.js'
import { parseOr400 } from '../http-error.js'

interface WorkshopRoute {
  Params: { id: string }
}

const viewer: FastifyPluginAsync = async (app) => {
  const idParam = (request: FastifyRequest<WorkshopRoute>): WorkshopId =>
    parseOr400(workshopIdSchema, request.params.id)
  /** Sockets of the link being replaced or revoked: its token no longer opens anything. */
  const closeViewers = (id: WorkshopId) =>
    app.connections.close(
      (identity) => identity.role === 'viewer' && identity.workshopId === id,
      CLOSE.unauthorized,
      'read-only link revoked',
    )

  app.post<WorkshopRoute>('/api/workshops/:id/viewer-link', async (request, reply) => {
    const id = idParam(request)
    await app.requireFacilitator(request, id)
    const token = newToken()
    const createdAt = Date.now()
    await app.store.setViewerToken(id, hashToken(token), createdAt)
    closeViewers(id)
    const response: ViewerLinkResponse = { token, createdAt }
    return reply.code(201).header('cache-control', 'no-store').send(response)
  })

  app.get<WorkshopRoute>('/api/workshops/:id/viewer-link', async (request, reply) => {
    const id = idParam(request)
    await app.requireFacilitator(request, id)
    const response: ViewerLinkStatus = { createdAt: await app.store.viewerTokenSince(id) }
    return reply.header('cache-control', 'no-store').send(response)
  })

  app.delete<WorkshopRoute>('/api/workshops/:id/viewer-link', async (request, reply) => {
    const id = idParam(request)
    await app.requireFacilitator(request, id)
    await app.store.revokeViewerToken(id)
    closeViewers(id)
    return reply.code(204).send()
  })
}
export default viewer
