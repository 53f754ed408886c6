// Links that carry a token after `#` (which browsers never send to the server): the read-only
// link, the co-facilitator and projector links, and the facilitator's own recovery link. Built
// for the console with the public URL, read back by the page they open, and kept on the device
// that made them, since the server keeps only each token's hash.
import { tokenSchema, type DeviceLinkKind } from '@triage/shared'
import { paths } from './paths'

/** Every kind of link the console makes: the read-only link and the team's devices. */
export type LinkKind = 'viewer' | DeviceLinkKind

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '')

/** The link a stakeholder opens to see the results, with the token in its fragment. */
export function viewerLink(publicUrl: string, workshopId: string, token: string): string {
  return `${base(publicUrl)}${paths.results(workshopId, token)}`
}

/** The link of a kind, with its token in the fragment (the console's for facilitators). */
export function linkOf(
  kind: LinkKind | 'recovery',
  publicUrl: string,
  workshopId: string,
  token: string,
): string {
  switch (kind) {
    case 'viewer':
      return viewerLink(publicUrl, workshopId, token)
    case 'projector':
      return `${base(publicUrl)}${paths.projector(workshopId)}#${token}`
    case 'co-facilitator':
    case 'recovery':
      return `${base(publicUrl)}${paths.facilitate(workshopId)}#${token}`
  }
}

/** The token a link carries after `#`, or null when it has none that could be one. */
export function tokenFromHash(hash: string): string | null {
  const parsed = tokenSchema.safeParse(hash.replace(/^#/, ''))
  return parsed.success ? parsed.data : null
}

// The read-only link's key is the one it has always had, so links made before still show.
const key = (workshopId: string, kind: LinkKind) =>
  kind === 'viewer' ? `triage:viewer-link:${workshopId}` : `triage:link:${kind}:${workshopId}`

/** A link's token as this device made it, or null. */
export function loadLinkToken(workshopId: string, kind: LinkKind): string | null {
  try {
    return tokenFromHash(window.localStorage.getItem(key(workshopId, kind)) ?? '')
  } catch {
    return null
  }
}

/** Keeps (or with null forgets) a link's token on this device. */
export function saveLinkToken(workshopId: string, kind: LinkKind, token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(key(workshopId, kind))
    else window.localStorage.setItem(key(workshopId, kind), token)
  } catch {
    // Private mode: the link shows until the page reloads.
  }
}
