// Participant copy: an instruction per phase.
import { describe, expect, it } from 'vitest'
import { PHASES } from '@triage/shared'
import { instructionFor, PHASE_INSTRUCTIONS } from './phase-instructions'

describe('phase instructions', () => {
  it('has one short line for every phase', () => {
    for (const phase of PHASES) {
      expect(PHASE_INSTRUCTIONS[phase].length).toBeGreaterThan(10)
      expect(PHASE_INSTRUCTIONS[phase].length).toBeLessThan(110)
    }
  })
})

describe('instructionFor', () => {
  it('promises privacy only while ideas are drafted silently', () => {
    expect(instructionFor('brainstorm', 'silent')).toMatch(/privately/)
    expect(instructionFor('brainstorm', 'open')).toMatch(/Everyone sees them/)
    expect(instructionFor('cluster', 'open')).toBe(PHASE_INSTRUCTIONS.cluster)
  })
})
