// "I'm done" as pure rules: the current step per phase, and who counts as done with it.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { PHASES, type Phase } from '../schema/phase.js'
import { ROUND_STATUSES, type RoundStatus } from '../schema/rounds.js'
import { doneStepSchema } from '../schema/done.js'
import { doneSummary, doneTurnout, inputStep, isDone, PHASE_ROUND_KINDS } from './done.js'

type Rounds = [string, { status: RoundStatus; openedAt: number | null }][]
const world = (phase: Phase, rounds: Rounds = [], round = 1) => ({
  phase,
  round,
  rounds: new Map(rounds),
})

describe('inputStep', () => {
  it.each<[string, ReturnType<typeof world>, string | null]>([
    ['the brainstorm names its silent round', world('brainstorm', [], 2), 'brainstorm:2'],
    ['set-up collects nothing', world('setup'), null],
    ['clustering collects nothing', world('cluster'), null],
    [
      'a vote not yet open is no step',
      world('vote', [['voting', { status: 'setup', openedAt: null }]]),
      null,
    ],
    [
      'an open vote is a step stamped with its opening',
      world('vote', [['voting', { status: 'open', openedAt: 1700 }]]),
      'voting@1700',
    ],
    [
      'a closed vote is no step',
      world('vote', [['voting', { status: 'closed', openedAt: 1700 }]]),
      null,
    ],
    [
      'an open round of another phase does not count',
      world('vote', [['matrix-ratings', { status: 'open', openedAt: 5 }]]),
      null,
    ],
    [
      'the weigh phase joins its open rounds',
      world('weigh', [
        ['weights', { status: 'open', openedAt: 10 }],
        ['scores', { status: 'open', openedAt: 20 }],
      ]),
      'weights@10+scores@20',
    ],
    [
      'consent is the decide phase step',
      world('decide', [['consent', { status: 'open', openedAt: 3 }]]),
      'consent@3',
    ],
  ])('%s', (_name, w, step) => {
    expect(inputStep(w)).toBe(step)
  })

  it('names a different step when a round reopens', () => {
    const first = inputStep(world('vote', [['voting', { status: 'open', openedAt: 100 }]]))
    const again = inputStep(world('vote', [['voting', { status: 'open', openedAt: 200 }]]))
    expect(first).not.toBe(again)
  })

  it('always names a step the request schema accepts', () => {
    const kinds = [...new Set(Object.values(PHASE_ROUND_KINDS).flat())]
    fc.assert(
      fc.property(
        fc.constantFrom(...PHASES),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(
          fc.tuple(
            fc.constantFrom(...kinds),
            fc.constantFrom(...ROUND_STATUSES),
            fc.option(fc.double()),
          ),
        ),
        (phase, round, list) => {
          const rounds: Rounds = list.map(([k, status, openedAt]) => [k, { status, openedAt }])
          const step = inputStep(world(phase, rounds, round))
          return step === null || doneStepSchema.safeParse(step).success
        },
      ),
    )
  })
})

describe('who is done', () => {
  const marks = {
    p1: { step: 'voting@5', at: 1 },
    p2: { step: 'voting@1', at: 1 },
    gone: { step: 'voting@5', at: 1 },
  }

  it('counts only marks for the current step, and only the roster', () => {
    expect(doneTurnout(['p1', 'p2', 'p3'], marks, 'voting@5')).toEqual({ done: 1, total: 3 })
  })

  it('counts nobody when there is no step', () => {
    expect(isDone(marks.p1, null)).toBe(false)
    expect(doneTurnout(['p1'], marks, null)).toEqual({ done: 0, total: 1 })
  })

  it.each([
    [{ done: 4, total: 6 }, '4 of 6 done'],
    [{ done: 0, total: 1 }, '0 of 1 done'],
    [{ done: 0, total: 0 }, 'No participants yet'],
  ])('words %o as "%s"', (turnout, line) => {
    expect(doneSummary(turnout)).toBe(line)
  })
})
