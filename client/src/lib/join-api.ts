// The two requests of the join page, their answers checked by hand (`@triage/shared/join`), so
// that a phone opening a join link shows the form without loading zod and the schemas.
import type { JoinBody, JoinInfoResponse, JoinResponse } from '@triage/shared'
import { parseJoinInfo, parseJoinResponse } from '@triage/shared/join'
import { request, type Parser } from './request'

/** A parser from a check that answers null for what it refuses (request() reports it). */
function checked<T>(check: (value: unknown) => T | null): Parser<T> {
  return {
    parse(value) {
      const result = check(value)
      if (result === null) throw new TypeError('unexpected answer')
      return result
    },
  }
}

/** The workshop's title and groups, for the join form (preloaded by the page's Link header). */
export function requestJoinInfo(code: string): Promise<JoinInfoResponse> {
  return request(`/api/join/${encodeURIComponent(code)}`, checked(parseJoinInfo))
}

/** Joins the workshop: the new participant's ids and token. */
export function requestJoin(body: JoinBody): Promise<JoinResponse> {
  return request('/api/join', checked(parseJoinResponse), { method: 'POST', body })
}
