// One request to the API: JSON in and out, the server's error messages, and the answer checked by
// the caller's parser. No schemas here, so the join page loads without them (lib/api.ts has the
// typed API, with the shared zod schemas).

/** An API failure with a message fit to show to the user. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const OFFLINE_MESSAGE = 'Cannot reach the server. Check your connection and try again.'

/** The message to show for a failed response: the server's own, or a plain fallback. */
export function errorMessage(status: number, body: unknown): { code: string; message: string } {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error
    if (typeof error === 'object' && error !== null) {
      const { code, message } = error as { code?: unknown; message?: unknown }
      if (typeof message === 'string' && message.length > 0) {
        return { code: typeof code === 'string' ? code : 'unknown', message }
      }
    }
  }
  if (status === 404) return { code: 'not_found', message: 'Not found.' }
  if (status === 401) return { code: 'unauthorized', message: 'Your session is no longer valid.' }
  if (status === 403) return { code: 'forbidden', message: 'You may not do that.' }
  if (status === 429) {
    return { code: 'rate_limited', message: 'Too many requests. Wait a moment and try again.' }
  }
  return { code: 'internal', message: `Something went wrong on the server (${status}).` }
}

export interface Parser<T> {
  parse(value: unknown): T
}

export async function request<T>(
  path: string,
  schema: Parser<T>,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  // No Accept header: every answer is JSON, and the browser hands a request the response it
  // preloaded for it (the join page's, see server/src/routes/static.ts) only if the headers match.
  const headers: Record<string, string> = {}
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  if (init.token) headers.authorization = `Bearer ${init.token}`
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    })
  } catch {
    throw new ApiError(OFFLINE_MESSAGE, 0, 'network')
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null)
  if (!response.ok) {
    const { code, message } = errorMessage(response.status, body)
    throw new ApiError(message, response.status, code)
  }
  try {
    return schema.parse(body)
  } catch {
    throw new ApiError(
      'The server sent an answer this page does not understand.',
      0,
      'bad_response',
    )
  }
}

/** The message of any error, for a role=alert. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.'
}
