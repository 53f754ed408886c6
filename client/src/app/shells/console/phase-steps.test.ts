// Next / previous phase at every point of the sequence, including both ends.
import { describe, expect, it } from 'vitest'
import { nextPhase, previousPhase } from './phase-steps'

describe('phase steps', () => {
  it.each([
    ['setup', 'brainstorm', null],
    ['brainstorm', 'cluster', 'setup'],
    ['weigh', 'decide', 'matrix'],
    ['decide', null, 'weigh'],
  ] as const)('%s → next %s, previous %s', (phase, next, previous) => {
    expect(nextPhase(phase)).toBe(next)
    expect(previousPhase(phase)).toBe(previous)
  })
})
