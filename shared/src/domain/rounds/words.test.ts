import { describe, expect, it } from 'vitest'
import { ROUND_KINDS } from './registry.js'
import { ROUND_WORDS, roundWordsOf } from './words.js'

describe('ROUND_WORDS', () => {
  it('names every registered kind, and only those, with the words the kind carries', () => {
    expect(Object.keys(ROUND_WORDS).sort()).toEqual(ROUND_KINDS.map((k) => k.id).sort())
    for (const kind of ROUND_KINDS) expect(roundWordsOf(kind.id)).toBe(kind.words)
  })

  it('knows no other kind, nor names inherited from Object', () => {
    expect(roundWordsOf('ranking')).toBeNull()
    expect(roundWordsOf('toString')).toBeNull()
    expect(roundWordsOf('__proto__')).toBeNull()
  })
})
