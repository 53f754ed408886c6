// The HTTP API as typed functions; responses are validated with the shared schemas.
import {
  addIdeaResponseSchema,
  clientConfigSchema,
  importItemsResponseSchema,
  revealResponseSchema,
  timeResponseSchema,
  type AddIdeaBody,
  type AddIdeaResponse,
  type ImportItemsBody,
  type OpenVotingBody,
  type ImportItemsResponse,
  type RevealResponse,
  type TimeResponse,
  type TimerBody,
  createWorkshopResponseSchema,
  sessionResponseSchema,
  type CreateWorkshopBody,
  type CreateWorkshopResponse,
  type SessionResponse,
  type ExportFormat,
  exportQuerySchema,
  viewerLinkResponseSchema,
  viewerLinkStatusSchema,
  type DeviceLinkKind,
  joinLinkHealthSchema,
  type JoinLinkHealth,
  type ViewerLinkResponse,
  type ViewerLinkStatus,
} from '@triage/shared'
import { filenameFromDisposition } from './download'
import { requestJoin, requestJoinInfo } from './join-api'
import { ApiError, errorMessage, OFFLINE_MESSAGE, request, type Parser } from './request'

export { ApiError, errorMessage, messageOf } from './request'

export const api = {
  createWorkshop: (body: CreateWorkshopBody): Promise<CreateWorkshopResponse> =>
    request('/api/workshops', createWorkshopResponseSchema, { method: 'POST', body }),
  joinInfo: requestJoinInfo,
  join: requestJoin,
  session: (token: string): Promise<SessionResponse> =>
    request('/api/session', sessionResponseSchema, { token }),
  config: () => request('/api/config', clientConfigSchema),
  time: (): Promise<TimeResponse> => request('/api/time', timeResponseSchema),
  timer: (workshopId: string, token: string, body: TimerBody): Promise<void> =>
    request(`/api/workshops/${workshopId}/timer`, noContent, { method: 'POST', body, token }),
  reveal: (workshopId: string, token: string): Promise<RevealResponse> =>
    request(`/api/workshops/${workshopId}/reveal`, revealResponseSchema, {
      method: 'POST',
      body: {},
      token,
    }),
  importItems: (
    workshopId: string,
    token: string,
    body: ImportItemsBody,
  ): Promise<ImportItemsResponse> =>
    request(`/api/workshops/${workshopId}/items`, importItemsResponseSchema, {
      method: 'POST',
      body,
      token,
    }),
  addIdea: (workshopId: string, token: string, body: AddIdeaBody): Promise<AddIdeaResponse> =>
    request(`/api/workshops/${workshopId}/ideas`, addIdeaResponseSchema, {
      method: 'POST',
      body,
      token,
    }),
  votingOpen: (workshopId: string, token: string, body: OpenVotingBody = {}): Promise<void> =>
    request(`/api/workshops/${workshopId}/voting/open`, noContent, { method: 'POST', body, token }),
  closeWorkshop: (workshopId: string, token: string): Promise<void> =>
    request(`/api/workshops/${workshopId}/close`, noContent, { method: 'POST', body: {}, token }),
  deleteWorkshop: (workshopId: string, token: string): Promise<void> =>
    request(`/api/workshops/${workshopId}`, noContent, { method: 'DELETE', token }),
  votingClose: (workshopId: string, token: string): Promise<void> =>
    request(`/api/workshops/${workshopId}/voting/close`, noContent, {
      method: 'POST',
      body: {},
      token,
    }),
  /** A new read-only link (the one before stops working); its token is told only now. */
  createViewerLink: (workshopId: string, token: string): Promise<ViewerLinkResponse> =>
    request(`/api/workshops/${workshopId}/viewer-link`, viewerLinkResponseSchema, {
      method: 'POST',
      body: {},
      token,
    }),
  viewerLinkStatus: (workshopId: string, token: string): Promise<ViewerLinkStatus> =>
    request(`/api/workshops/${workshopId}/viewer-link`, viewerLinkStatusSchema, { token }),
  createDeviceLink: (
    workshopId: string,
    kind: DeviceLinkKind,
    token: string,
  ): Promise<ViewerLinkResponse> =>
    request(`/api/workshops/${workshopId}/links/${kind}`, viewerLinkResponseSchema, {
      method: 'POST',
      body: {},
      token,
    }),
  deviceLinkStatus: (
    workshopId: string,
    kind: DeviceLinkKind,
    token: string,
  ): Promise<ViewerLinkStatus> =>
    request(`/api/workshops/${workshopId}/links/${kind}`, viewerLinkStatusSchema, { token }),
  revokeDeviceLink: (workshopId: string, kind: DeviceLinkKind, token: string): Promise<void> =>
    request(`/api/workshops/${workshopId}/links/${kind}`, noContent, { method: 'DELETE', token }),
  joinLinkHealth: (): Promise<JoinLinkHealth> =>
    request('/api/join-link-health', joinLinkHealthSchema, {}),
  removeParticipant: (workshopId: string, participantId: string, token: string): Promise<void> =>
    request(
      `/api/workshops/${workshopId}/participants/${encodeURIComponent(participantId)}`,
      noContent,
      { method: 'DELETE', token },
    ),
  revokeViewerLink: (workshopId: string, token: string): Promise<void> =>
    request(`/api/workshops/${workshopId}/viewer-link`, noContent, { method: 'DELETE', token }),
  votingReveal: (workshopId: string, token: string): Promise<void> =>
    request(`/api/workshops/${workshopId}/voting/reveal`, noContent, {
      method: 'POST',
      body: {},
      token,
    }),
}

/** A file the API answered with, and the name the server gave it. */
export interface DownloadedFile {
  readonly blob: Blob
  readonly filename: string
}

/** GETs a file with the token in the header; failures are ApiErrors like any other request's. */
async function requestFile(path: string, token: string, fallbackName: string) {
  let response: Response
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    throw new ApiError(OFFLINE_MESSAGE, 0, 'network')
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null)
    const { code, message } = errorMessage(response.status, body)
    throw new ApiError(message, response.status, code)
  }
  let blob: Blob
  try {
    blob = await response.blob()
  } catch {
    throw new ApiError(OFFLINE_MESSAGE, 0, 'network')
  }
  const filename = filenameFromDisposition(
    response.headers.get('content-disposition'),
    fallbackName,
  )
  return { blob, filename }
}

/** The workshop's rationale document or record as a file; dates in `timeZone` when given. */
export function exportWorkshop(
  workshopId: string,
  token: string,
  format: ExportFormat,
  timeZone?: string,
): Promise<DownloadedFile> {
  const query = new URLSearchParams({ format })
  // A zone the query's schema would refuse is left out: UTC dates beat no document.
  if (timeZone && exportQuerySchema.safeParse({ format, tz: timeZone }).success) {
    query.set('tz', timeZone)
  }
  return requestFile(
    `/api/workshops/${workshopId}/export?${query.toString()}`,
    token,
    `workshop.${format}`,
  )
}

/** For endpoints that answer 204 with no body. */
const noContent: Parser<void> = { parse: () => undefined }

/** Any request to the API with its answer as it came (the caller checks its shape). */
export function requestAny(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<unknown> {
  return request(path, { parse: (value: unknown) => value }, init)
}

/** A sealed round's steps, as its generic routes name them. */
export type RoundStep = 'open' | 'close' | 'reveal' | 'reopen'

/**
 * A facilitator's POST whose answer the page does not need (a round's step, an adoption):
 * resolves when the server took it, or throws an ApiError with the server's own words.
 */
export function postAction(path: string, token: string, body: unknown = {}): Promise<void> {
  return request(path, noContent, { method: 'POST', body, token })
}

/** A step of the sealed round of `kind` (`voting`, `matrix-ratings`, `weights`, `consent`…). */
export function roundStep(
  workshopId: string,
  token: string,
  kind: string,
  step: RoundStep,
  body: unknown = {},
): Promise<void> {
  return postAction(`/api/workshops/${workshopId}/rounds/${kind}/${step}`, token, body)
}

let publicUrl: Promise<string> | null = null

/** Base URL for join links and QR codes (asked once; falls back to this page's origin). */
export function loadPublicUrl(): Promise<string> {
  publicUrl ??= api
    .config()
    .then((c) => (c.publicUrl || window.location.origin).replace(/\/+$/, ''))
    .catch(() => window.location.origin)
  return publicUrl
}
