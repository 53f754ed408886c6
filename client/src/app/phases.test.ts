// The phase registry: every phase once, in the shared order, with the shared label; the parts
// a phone may load are the participant's, and the phases without phone work show none.
import { describe, expect, it } from 'vitest'
import { PHASE_LABELS, PHASES } from '@triage/shared'
import { PHASE_LIST, phaseEntry } from './phases'

describe('the phase registry', () => {
  it('lists every phase once, in the order the facilitator steps through them', () => {
    expect(PHASE_LIST.map((entry) => entry.id)).toEqual([...PHASES])
  })

  it.each(PHASES)('%s: its label, a console part, and an entry to look up', (phase) => {
    const entry = phaseEntry(phase)
    expect(entry.id).toBe(phase)
    expect(entry.label).toBe(PHASE_LABELS[phase])
    expect(typeof entry.console.load).toBe('function')
  })

  it('gives the phone work in every phase after set-up', () => {
    expect(PHASE_LIST.filter((entry) => entry.phone).map((entry) => entry.id)).toEqual([
      'brainstorm',
      'cluster',
      'vote',
      'matrix',
      'weigh',
      'decide',
    ])
  })

  it('opens the invite on the console during set-up only', () => {
    expect(PHASE_LIST.filter((entry) => entry.inviteOpen).map((entry) => entry.id)).toEqual([
      'setup',
    ])
  })
})
