// The item choice as the chooser changes it.
import { describe, expect, it } from 'vitest'
import { DEFAULT_MATRIX_RATING_SETTINGS as base } from '@triage/shared'
import { withPicked } from './item-choice'

describe('hand-picked items', () => {
  it('keeps the order of picking and drops an unpicked key', () => {
    let s = withPicked(base, 'i:b', true)
    s = withPicked(s, 'i:a', true)
    expect(s.picked).toEqual(['i:b', 'i:a'])
    expect(withPicked(s, 'i:b', false).picked).toEqual(['i:a'])
    expect(withPicked(s, 'i:a', true).picked).toEqual(['i:b', 'i:a'])
  })
})
