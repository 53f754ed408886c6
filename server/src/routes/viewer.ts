// Links with revocable tokens of their own, each made, told and revoked by the facilitator:
// the read-only link for stakeholders (`/viewer-link`), and the facilitation team's devices
// (`/links/co-facilitator`: the full console on a second device; `/links/projector`: the
// projector view on a separate PC or TV). POST makes one (a new token, the old one revoked and
// its sockets closed), GET says whether one exists, DELETE revokes it and closes its sockets.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import {
  CLOSE,
  deviceLinkKindSchema,
  workshopIdSchema,
  type ViewerLinkResponse,
  type ViewerLinkStatus,
  type WorkshopId,
} from '@triage/shared'
import { hashToken, newToken } from '../auth/tokens.js'
import { parseOr400 } from '../http-error.js'
import type { ConnectionFilter } from '../plugins/connections.js'

interface LinkRoute {
  Params: { id: string; kind?: string }
}

/** What one kind of link is, to the routes that manage it. */
interface LinkKind {
  readonly set: (id: WorkshopId, tokenHash: string, at: number) => Promise<void>
  readonly revoke: (id: WorkshopId) => Promise<boolean>
  readonly since: (id: WorkshopId) => Promise<number | null>
  /** The connections opened with this kind of link's token. */
  readonly opened: Omit<ConnectionFilter, 'workshopId'>
  readonly revoked: string
}

const links: FastifyPluginAsync = async (app) => {
  const idParam = (request: FastifyRequest<LinkRoute>): WorkshopId =>
    parseOr400(workshopIdSchema, request.params.id)
  const viewer: LinkKind = {
    set: (id, hash, at) => app.store.setViewerToken(id, hash, at),
    revoke: (id) => app.store.revokeViewerToken(id),
    since: (id) => app.store.viewerTokenSince(id),
    opened: { role: 'viewer', via: 'own' },
    revoked: 'read-only link revoked',
  }
  const kindOf = (request: FastifyRequest<LinkRoute>): LinkKind => {
    const kind = parseOr400(deviceLinkKindSchema, request.params.kind)
    return {
      set: (id, hash, at) => app.store.setDeviceLink(id, kind, hash, at),
      revoke: (id) => app.store.revokeDeviceLink(id, kind),
      since: (id) => app.store.deviceLinkSince(id, kind),
      opened: { via: kind },
      revoked: `${kind} link revoked`,
    }
  }
  /** Sockets of a link being replaced or revoked: its token no longer opens anything. */
  const closeOpened = (id: WorkshopId, link: LinkKind) =>
    app.connections.close({ workshopId: id, ...link.opened }, CLOSE.unauthorized, link.revoked)

  const routes = (path: string, linkOf: (request: FastifyRequest<LinkRoute>) => LinkKind) => {
    app.post<LinkRoute>(path, async (request, reply) => {
      const id = idParam(request)
      await app.requireFacilitator(request, id)
      const link = linkOf(request)
      const token = newToken()
      const createdAt = Date.now()
      await link.set(id, hashToken(token), createdAt)
      closeOpened(id, link)
      const response: ViewerLinkResponse = { token, createdAt }
      return reply.code(201).header('cache-control', 'no-store').send(response)
    })
    app.get<LinkRoute>(path, async (request, reply) => {
      const id = idParam(request)
      await app.requireFacilitator(request, id)
      const response: ViewerLinkStatus = { createdAt: await linkOf(request).since(id) }
      return reply.header('cache-control', 'no-store').send(response)
    })
    app.delete<LinkRoute>(path, async (request, reply) => {
      const id = idParam(request)
      await app.requireFacilitator(request, id)
      const link = linkOf(request)
      await link.revoke(id)
      closeOpened(id, link)
      return reply.code(204).send()
    })
  }
  routes('/api/workshops/:id/viewer-link', () => viewer)
  routes('/api/workshops/:id/links/:kind', kindOf)
}
export default links
