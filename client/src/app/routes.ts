// The route table as a pure function from a pathname to the screen it shows.

export type Route =
  | { readonly name: 'landing' }
  | { readonly name: 'join'; readonly code: string }
  | { readonly name: 'participant'; readonly workshopId: string }
  | { readonly name: 'facilitate'; readonly workshopId: string }
  | { readonly name: 'projector'; readonly workshopId: string }
  /** The read-only link's page; its token travels in the fragment, never to the server. */
  | { readonly name: 'results'; readonly workshopId: string }
  | { readonly name: 'not-found' }

const ID = '([A-Za-z0-9_-]{8,40})'
const patterns: readonly [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ name: 'landing' })],
  [/^\/j\/([^/]{1,20})$/, (m) => ({ name: 'join', code: safeDecode(m[1] ?? '') })],
  [new RegExp(`^/w/${ID}$`), (m) => ({ name: 'participant', workshopId: m[1] ?? '' })],
  [new RegExp(`^/w/${ID}/facilitate$`), (m) => ({ name: 'facilitate', workshopId: m[1] ?? '' })],
  [new RegExp(`^/w/${ID}/board$`), (m) => ({ name: 'projector', workshopId: m[1] ?? '' })],
  [new RegExp(`^/w/${ID}/results$`), (m) => ({ name: 'results', workshopId: m[1] ?? '' })],
]

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Matches a pathname (a trailing slash is ignored) against the app's routes. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  for (const [pattern, build] of patterns) {
    const m = path.match(pattern)
    if (m) return build(m)
  }
  return { name: 'not-found' }
}
