// Group styles: every group of a workshop looks different, by colour and by pattern.
import { describe, expect, it } from 'vitest'
import { LIMITS } from '@triage/shared'
import { groupStyle, patternId, PATTERNS } from './chart-style'

describe('groupStyle', () => {
  it('gives every possible group a different colour-and-pattern pair', () => {
    const seen = new Set<string>()
    for (let i = 0; i < LIMITS.groups * 2; i++) {
      const s = groupStyle(i)
      seen.add(`${s.color}/${s.pattern}`)
    }
    expect(seen.size).toBe(LIMITS.groups * 2)
  })

  it('gives the first groups different patterns, not only different colours', () => {
    const patterns = Array.from({ length: PATTERNS.length }, (_, i) => groupStyle(i).pattern)
    expect(new Set(patterns).size).toBe(PATTERNS.length)
  })

  it('treats nonsense indexes as the first group', () => {
    expect(groupStyle(-3)).toEqual(groupStyle(0))
  })
})

describe('patternId', () => {
  it('keeps only characters that are safe inside url(#…)', () => {
    expect(patternId('«r1»', 2)).toBe('r1-pattern-2')
    expect(patternId(':r3:', 0)).toBe('r3-pattern-0')
  })
})
