// Participant copy: an instruction per phase, and per round status where the phase has a round.
import { describe, expect, it } from 'vitest'
import { PHASES, ROUND_STATUSES, type Phase } from '@triage/shared'
import { instructionFor, PHASE_INSTRUCTIONS } from './phase-instructions'

describe('phase instructions', () => {
  it('has one short line for every phase and every round status', () => {
    for (const phase of PHASES) {
      for (const status of [null, ...ROUND_STATUSES]) {
        const line = instructionFor(phase, 'silent', status)
        expect(line.length).toBeGreaterThan(10)
        expect(line.length).toBeLessThan(110)
      }
    }
  })
})

describe('instructionFor', () => {
  it('promises privacy only while ideas are drafted silently', () => {
    expect(instructionFor('brainstorm', 'silent')).toMatch(/privately/)
    expect(instructionFor('brainstorm', 'open')).toMatch(/Everyone sees them/)
    expect(instructionFor('cluster', 'open')).toBe(PHASE_INSTRUCTIONS.cluster)
  })

  it('asks for dots only while voting is open', () => {
    expect(instructionFor('vote', 'silent', 'open')).toMatch(/Place your dots/)
    for (const status of ['setup', 'closed', 'revealed'] as const) {
      expect(instructionFor('vote', 'silent', status)).not.toMatch(/Place your dots/)
    }
    expect(instructionFor('vote', 'silent', 'revealed')).toBe(
      'The votes are counted: see the results.',
    )
  })

  it.each<[Phase, RegExp]>([
    ['matrix', /Rate each item/],
    ['weigh', /Propose how much/],
    ['decide', /live with it/],
  ])('asks for input in %s only while its round is open', (phase, asks) => {
    expect(instructionFor(phase, 'silent', 'open')).toMatch(asks)
    for (const status of ['closed', 'revealed'] as const) {
      expect(instructionFor(phase, 'silent', status)).not.toMatch(asks)
    }
  })

  it('never promises scoring on the phone, which has none', () => {
    for (const status of [null, ...ROUND_STATUSES]) {
      expect(instructionFor('weigh', 'silent', status)).not.toMatch(/score/i)
    }
  })
})
