// The read-only link's HTTP bodies: POST|GET|DELETE /api/workshops/:id/viewer-link (facilitator).
import { tokenSchema } from '../schema/ids.js'
import { z } from '../schema/zod.js'

/** A new read-only link's token (shown once: the server keeps only its hash) and its time. */
export const viewerLinkResponseSchema = z.object({ token: tokenSchema, createdAt: z.number() })
export type ViewerLinkResponse = z.infer<typeof viewerLinkResponseSchema>

/**
 * Links for the facilitation team's other devices, each with a revocable token of its own: the
 * co-facilitator's opens the full console, the projector's the projector view (read-only).
 */
export const DEVICE_LINK_KINDS = ['co-facilitator', 'projector'] as const
export const deviceLinkKindSchema = z.enum(DEVICE_LINK_KINDS)
export type DeviceLinkKind = z.infer<typeof deviceLinkKindSchema>

/** Whether the workshop has a read-only link now; its token is not told again. */
export const viewerLinkStatusSchema = z.object({ createdAt: z.nullable(z.number()) })
export type ViewerLinkStatus = z.infer<typeof viewerLinkStatusSchema>

/** The formats a read-only link may download: the rationale document, never the record's inputs. */
export const VIEWER_EXPORT_FORMATS = ['md', 'html'] as const
