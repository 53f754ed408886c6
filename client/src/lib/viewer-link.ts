// The read-only link: built for the console (with the public URL), read back by its page (the
// token after `#`), and kept on the facilitator's device, since the server keeps only its hash.
import { tokenSchema } from '@triage/shared'
import { paths } from './paths'

/** The link a stakeholder opens to see the results, with the token in its fragment. */
export function viewerLink(publicUrl: string, workshopId: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${paths.results(workshopId, token)}`
}

/** The token a read-only link carries after `#`, or null when it has none that could be one. */
export function tokenFromHash(hash: string): string | null {
  const parsed = tokenSchema.safeParse(hash.replace(/^#/, ''))
  return parsed.success ? parsed.data : null
}

const key = (workshopId: string) => `triage:viewer-link:${workshopId}`

/** The read-only link's token as this device made it, or null. */
export function loadViewerToken(workshopId: string): string | null {
  try {
    return tokenFromHash(window.localStorage.getItem(key(workshopId)) ?? '')
  } catch {
    return null
  }
}

/** Keeps (or with null forgets) the read-only link's token on this device. */
export function saveViewerToken(workshopId: string, token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(key(workshopId))
    else window.localStorage.setItem(key(workshopId), token)
  } catch {
    // Private mode: the link shows until the page reloads.
  }
}
