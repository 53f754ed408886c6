// Paths of the app's screens, shared by links and redirects (app/routes.ts parses them).

/** Paths of the app's screens, as `matchRoute` in app/routes.ts reads them. */
export const paths = {
  landing: () => '/',
  join: (code: string) => `/j/${encodeURIComponent(code)}`,
  participant: (workshopId: string) => `/w/${workshopId}`,
  facilitate: (workshopId: string) => `/w/${workshopId}/facilitate`,
  projector: (workshopId: string) => `/w/${workshopId}/board`,
  /** The read-only link: the token in the fragment, which browsers never send to the server. */
  results: (workshopId: string, token: string) => `/w/${workshopId}/results#${token}`,
}
