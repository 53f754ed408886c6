// Phone-minted ids: the shared id format, and no repeats.
import { describe, expect, it } from 'vitest'
import { newId } from './new-id'

describe('newId', () => {
  it('is 22 base64url characters and does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })
})
