// Paths of the app's screens, shared by links and redirects (app/routes.ts parses them).

/** Paths of the app's screens, as `matchRoute` in app/routes.ts reads them. */
export const paths = {
  landing: () => '/',
  join: (code: string) => `/j/${encodeURIComponent(code)}`,
  participant: (workshopId: string) => `/w/${workshopId}`,
  facilitate: (workshopId: string) => `/w/${workshopId}/facilitate`,
  projector: (workshopId: string) => `/w/${workshopId}/board`,
}
