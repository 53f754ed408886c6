// The decide phase's rules: which items are offered first, how consent is counted per group,
// the figures that quantify a group's dissent, and what changed since a decision was recorded.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { VoteResults } from '../../schema/voting.js'
import type { Criterion } from '../../schema/framework.js'
import type { CriterionScoresResult } from '../rounds/criterion-scores.js'
import type { WeightProposalsResult } from '../rounds/weight-proposals.js'
import { ordinal } from '../export/format.js'
import { decisionChanges, decisionLogEvent, lastRecorded } from './changes.js'
import { clampConsent, consentHeadline, describeConsent, tallyConsent } from './consent.js'
import { describeGroupFigures, groupFigures } from './figures.js'
import { decisionCandidates, defaultDecisionItems, frameworkStanding } from './selection.js'

const item = (key: string, total: number, rank: number, byGroup: Record<string, number>) => ({
  key,
  kind: 'idea' as const,
  label: `Item ${key}`,
  total,
  byGroup,
  normalized: 0,
  rank,
  normalizedRank: rank,
})

const votes: VoteResults = {
  revealedAt: 1,
  settings: { dotBudget: 5, maxDotsPerItem: 3, anonymous: true, voteOn: 'both' },
  groups: [
    { id: 'g1', name: 'Surgeons', voters: 2, members: 2, dots: 10 },
    { id: 'g2', name: 'Nurses', voters: 1, members: 1, dots: 5 },
  ],
  items: [
    item('i:a', 3, 3, { g1: 3 }),
    item('i:b', 7, 1, { g1: 2, g2: 5 }),
    item('i:c', 5, 2, { g1: 5 }),
    item('i:d', 0, 4, {}),
  ],
  totalDots: 15,
  voters: 3,
  ballots: null,
}

const criteria: Criterion[] = [
  { id: 'safety', name: 'Safety', direction: 'benefit', scale: { min: 1, max: 5 } },
  { id: 'cost', name: 'Cost', direction: 'cost', scale: { min: 1, max: 5 } },
]
const scores: CriterionScoresResult = {
  revealedAt: 2,
  criteria: criteria.map((c) => ({ id: c.id, name: c.name })),
  items: [
    { key: 'i:a', label: 'A' },
    { key: 'i:b', label: 'B' },
    { key: 'i:c', label: 'C' },
  ],
  people: {
    'i:a': { safety: 5, cost: 1 },
    'i:b': { safety: 3, cost: 3 },
    'i:c': { safety: 1, cost: 5 },
  },
  groupEqual: {
    'i:a': { safety: 5, cost: 1 },
    'i:b': { safety: 3, cost: 3 },
    'i:c': { safety: 1, cost: 5 },
  },
  groups: [],
  cells: {},
  raters: 2,
}
const proposals: WeightProposalsResult = {
  revealedAt: 3,
  criteria: criteria.map((c) => ({ id: c.id, name: c.name })),
  n: 2,
  groups: [
    { group: 'g1', n: 1, mean: { safety: 100, cost: 0 } },
    // Nurses care only that it is cheap: C (cost 5) is worst for them too, A best.
    { group: 'g2', n: 1, mean: { safety: 0, cost: 100 } },
  ],
  groupEqual: { safety: 50, cost: 50 },
  personEqual: { safety: 50, cost: 50 },
  spread: {},
  consensus: 0,
  proposals: [],
}
const adopted = {
  weights: { safety: 50, cost: 50 },
  basis: 'groups' as const,
  at: 4,
  proposals: 2,
  consensus: 0,
}

describe('the default selection', () => {
  it('takes the top 3 of the vote by dots when no framework was adopted, items without dots left out', () => {
    const { basis, candidates } = decisionCandidates({ framework: null, votes, items: [] })
    expect(basis).toBe('votes')
    expect(candidates.map((c) => [c.key, c.rank])).toEqual([
      ['i:b', 1],
      ['i:c', 2],
      ['i:a', 3],
      ['i:d', null],
    ])
    expect(defaultDecisionItems(candidates).map((c) => c.key)).toEqual(['i:b', 'i:c', 'i:a'])
    expect(defaultDecisionItems(candidates, 2).map((c) => c.key)).toEqual(['i:b', 'i:c'])
  })

  it('takes the top of the framework ranking when weights were adopted and items scored', () => {
    const framework = frameworkStanding({ criteria, adopted, scores, proposals })
    expect(framework).not.toBeNull()
    const { basis, candidates } = decisionCandidates({ framework, votes, items: [] })
    expect(basis).toBe('framework')
    // A: safety 5, cost 1 (best on both) → 100; B → 50; C → 0.
    expect(candidates.slice(0, 3).map((c) => c.key)).toEqual(['i:a', 'i:b', 'i:c'])
    // Items the framework did not rank can still be chosen, after the ranked ones.
    expect(candidates.map((c) => c.key)).toContain('i:d')
    expect(defaultDecisionItems(candidates, 1).map((c) => c.key)).toEqual(['i:a'])
  })

  it('has no framework standing without adopted weights or scores', () => {
    expect(frameworkStanding({ criteria, adopted: null, scores, proposals })).toBeNull()
    expect(frameworkStanding({ criteria, adopted, scores: null, proposals })).toBeNull()
  })

  it('offers every board item when nothing was ranked, and pre-fills none', () => {
    const items = [{ key: 'c:x', kind: 'cluster' as const, label: 'X' }]
    const { basis, candidates } = decisionCandidates({ framework: null, votes: null, items })
    expect(basis).toBe('none')
    expect(candidates).toEqual([{ key: 'c:x', label: 'X', rank: null }])
    expect(defaultDecisionItems(candidates)).toEqual([])
  })

  it('never takes more than asked, never an unranked item, and keeps the ranking order', () => {
    const arb = fc.array(
      fc.record({
        key: fc.string(),
        label: fc.string(),
        rank: fc.option(fc.nat(20), { nil: null }),
      }),
    )
    fc.assert(
      fc.property(arb, fc.integer({ min: -2, max: 20 }), (candidates, n) => {
        const picked = defaultDecisionItems(candidates, n)
        expect(picked.length).toBeLessThanOrEqual(Math.max(0, n))
        expect(picked.every((c) => c.rank !== null)).toBe(true)
        const ranked = candidates.filter((c) => c.rank !== null)
        expect(picked).toEqual(ranked.slice(0, picked.length))
      }),
    )
  })
})

const decisions = [
  { id: 'dAAAAAAA', item: 'i:b', title: 'B' },
  { id: 'dBBBBBBB', item: 'i:c', title: 'C' },
]

describe('consent', () => {
  it('keeps only answers to the decisions, and only the two answers', () => {
    expect(
      clampConsent(
        { dAAAAAAA: 'accept', dBBBBBBB: 'maybe', dCCCCCCC: 'object', __proto__: 'object' },
        decisions,
      ),
    ).toEqual({ dAAAAAAA: 'accept' })
    expect(clampConsent(['accept'], decisions)).toEqual({})
    expect(clampConsent(null, decisions)).toEqual({})
  })

  it('counts per group, every sealed member a member, silence visible', () => {
    const result = tallyConsent(
      decisions,
      [
        { group: 'g2', answers: { dAAAAAAA: 'object' } },
        { group: 'g1', answers: { dAAAAAAA: 'accept', dBBBBBBB: 'accept' } },
        { group: 'g1', answers: { dAAAAAAA: 'accept' } },
        { group: 'g1', answers: {} },
      ],
      ['g1', 'g2', 'g3'],
      9,
    )
    expect(result.participants).toBe(3)
    expect(result.decisions[0]).toEqual({
      decision: 'dAAAAAAA',
      item: 'i:b',
      title: 'B',
      accept: 2,
      object: 1,
      groups: [
        { group: 'g1', accept: 2, object: 0, members: 3 },
        { group: 'g2', accept: 0, object: 1, members: 1 },
      ],
    })
    expect(describeConsent(result.decisions[0]!.groups[0]!)).toBe(
      '2 can live with it, 0 object, 1 did not answer',
    )
    expect(consentHeadline(result)).toBe(
      '"B": 2 can live with it, 1 objects; "C": 1 can live with it, 0 object',
    )
  })

  const answer = fc.constantFrom('accept', 'object', 'maybe', 3, null)
  const ballots = fc.array(
    fc.record({
      group: fc.constantFrom('g1', 'g2', 'g9'),
      raw: fc.dictionary(fc.constantFrom('dAAAAAAA', 'dBBBBBBB', 'dZZZZZZZ'), answer),
    }),
  )

  it('clamps idempotently, and the totals are the sums of the groups within their members', () => {
    fc.assert(
      fc.property(ballots, (list) => {
        const counted = list.map((b) => ({
          group: b.group,
          answers: clampConsent(b.raw, decisions),
        }))
        for (const b of counted) expect(clampConsent(b.answers, decisions)).toEqual(b.answers)
        const r = tallyConsent(decisions, counted, ['g1', 'g2'], 0)
        for (const d of r.decisions) {
          expect(d.accept).toBe(d.groups.reduce((s, g) => s + g.accept, 0))
          expect(d.object).toBe(d.groups.reduce((s, g) => s + g.object, 0))
          for (const g of d.groups) expect(g.accept + g.object).toBeLessThanOrEqual(g.members)
          expect(d.groups.reduce((s, g) => s + g.members, 0)).toBe(list.length)
        }
      }),
    )
  })

  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(ballots, fc.nat(), (list, seed) => {
        const counted = list.map((b) => ({
          group: b.group,
          answers: clampConsent(b.raw, decisions),
        }))
        const shuffled = [...counted].sort(
          (a, b) =>
            ((JSON.stringify(a).length * 31 + seed) % 7) -
            ((JSON.stringify(b).length * 31 + seed) % 7),
        )
        expect(tallyConsent(decisions, shuffled, ['g1', 'g2'], 0)).toEqual(
          tallyConsent(decisions, counted, ['g1', 'g2'], 0),
        )
      }),
    )
  })
})

describe('a group’s figures', () => {
  it('gives the group’s dots and its own rank of the item by its dots', () => {
    const f = groupFigures('i:c', 'g2', { votes, framework: null })
    expect(f.votes).toEqual({ dots: 0, groupDots: 5, rank: 2, of: 4, overallRank: 2 })
    expect(f.framework).toBeNull()
    expect(describeGroupFigures(f, ordinal)).toBe(
      'Gave it 0 of their 5 dots (2nd of 4 by their dots; 2nd overall).',
    )
  })

  it('gives the group’s rank with its own weights, and its weights', () => {
    const framework = frameworkStanding({ criteria, adopted, scores, proposals })
    const f = groupFigures('i:c', 'g2', { votes, framework })
    // Nurses weigh only cost: C (cost 5) is their last.
    expect(f.framework).toEqual({ rank: 3, of: 3, score: 0, overallRank: 3 })
    expect(f.weights).toEqual([
      { criterion: 'Safety', points: 0 },
      { criterion: 'Cost', points: 100 },
    ])
    expect(describeGroupFigures(f, ordinal)).toContain(
      'ranked it 3rd of 3 with their own weights (score 0; 3rd with the adopted weights)',
    )
  })

  it('says so when nothing was measured', () => {
    const f = groupFigures('i:x', 'g1', { votes: null, framework: null })
    expect(describeGroupFigures(f, ordinal)).toBe('No figures were measured for this group.')
  })
})

describe('what changed in a decision', () => {
  const base = {
    id: 'dAAAAAAA',
    item: 'i:b',
    title: 'B',
    rationale: 'Because',
    conditions: '',
    dissent: [],
    questions: '',
    owner: 'Dana',
    review: '',
  }
  it('names the fields that differ, in a fixed order', () => {
    expect(decisionChanges(base, base)).toEqual([])
    expect(
      decisionChanges(base, {
        ...base,
        owner: 'Ida',
        rationale: 'Because of safety',
        dissent: [{ group: 'g2', words: 'Too costly' }],
      }),
    ).toEqual(['rationale', 'dissent', 'owner'])
  })
})

describe('the log event that records a decision', () => {
  const d = {
    id: 'dAAAAAAA',
    item: 'i:b',
    title: 'B',
    order: 0,
    rationale: 'Because',
    conditions: '',
    dissent: [],
    questions: '',
    owner: 'Dana',
    review: '',
  }
  it('records it first, then names what changed, then nothing when nothing did', () => {
    const first = decisionLogEvent(d, [], 5)
    expect(first).toMatchObject({ type: 'decision-recorded', at: 5, decision: d.id, owner: 'Dana' })
    expect(decisionLogEvent({ ...d, order: 3 }, [first!], 6)).toBeNull()
    const second = decisionLogEvent({ ...d, owner: 'Ida' }, [first!], 7)
    expect(second).toMatchObject({ type: 'decision-changed', changed: ['owner'], owner: 'Ida' })
    expect(lastRecorded([first!, second!], d.id)).toMatchObject({ owner: 'Ida' })
    const withdrawn = { type: 'decision-withdrawn' as const, at: 8, decision: d.id, title: 'B' }
    expect(lastRecorded([first!, second!, withdrawn], d.id)).toBeNull()
    expect(decisionLogEvent(d, [first!, withdrawn], 9)).toMatchObject({ type: 'decision-recorded' })
  })
})
