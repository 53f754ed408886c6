// Error messages shown for failed API calls.
import { describe, expect, it } from 'vitest'
import { errorMessage } from './api'

describe('errorMessage', () => {
  it('shows the server message when the body has the error shape', () => {
    expect(
      errorMessage(404, { error: { code: 'not_found', message: 'No workshop has this code.' } }),
    ).toEqual({ code: 'not_found', message: 'No workshop has this code.' })
  })

  it.each([
    [404, null, 'not_found'],
    [401, 'oops', 'unauthorized'],
    [403, { error: 'closed' }, 'forbidden'],
    [429, { error: { message: '' } }, 'rate_limited'],
    [500, undefined, 'internal'],
  ])('falls back to a plain message for %i %j', (status, body, code) => {
    const result = errorMessage(status, body)
    expect(result.code).toBe(code)
    expect(result.message.length).toBeGreaterThan(5)
  })
})
