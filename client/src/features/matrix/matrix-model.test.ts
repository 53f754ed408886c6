// The 2x2's screen arithmetic: keyboard steps, drags in pixels, words, and the reveal's rows.
import { describe, expect, it } from 'vitest'
import {
  aggregateItems,
  DEFAULT_AXIS_NAMES,
  DEFAULT_QUADRANT_LABELS,
  MATRIX_BOOTSTRAP,
  type MatrixResults,
} from '@triage/shared'
import {
  byQuadrant,
  formatRating,
  medianPoint,
  percent,
  pointAt,
  pointWords,
  ratedLine,
  revealRows,
  shortLabel,
  stepPoint,
  summaryWords,
  withWeightedImpact,
} from './matrix-model'

const labels = { axes: DEFAULT_AXIS_NAMES, quadrants: DEFAULT_QUADRANT_LABELS }

describe('stepPoint', () => {
  it.each([
    ['ArrowUp', false, { impact: 5.5, effort: 5 }],
    ['ArrowDown', false, { impact: 4.5, effort: 5 }],
    ['ArrowRight', false, { impact: 5, effort: 5.5 }],
    ['ArrowLeft', false, { impact: 5, effort: 4.5 }],
    ['ArrowUp', true, { impact: 7, effort: 5 }],
  ])('%s (shift %s) moves up for impact and right for effort', (key, shift, want) => {
    expect(stepPoint({ impact: 5, effort: 5 }, key, shift)).toEqual(want)
  })

  it('stays on the scale and ignores other keys', () => {
    expect(stepPoint({ impact: 9, effort: 1 }, 'ArrowUp')).toEqual({ impact: 9, effort: 1 })
    expect(stepPoint({ impact: 9, effort: 1 }, 'ArrowLeft')).toEqual({ impact: 9, effort: 1 })
    expect(stepPoint({ impact: 5, effort: 5 }, 'Enter')).toBeNull()
  })

  it('does not drift over many steps', () => {
    let p = { impact: 1, effort: 1 }
    for (let i = 0; i < 7; i++) p = stepPoint(p, 'ArrowUp')!
    expect(p.impact).toBe(4.5)
  })
})

describe('pointAt', () => {
  const plot = { left: 100, top: 50, width: 400, height: 800 }
  it('turns a screen position on the plot into rating units, impact up', () => {
    expect(pointAt(300, 450, plot)).toEqual({ impact: 5, effort: 5 })
    expect(pointAt(100, 50, plot)).toEqual({ impact: 9, effort: 1 })
    // 50 px is one unit of effort, 100 px one unit of impact.
    expect(pointAt(425, 250, plot)).toEqual({ impact: 7, effort: 7.5 })
  })

  it('is null off the plot', () => {
    expect(pointAt(99, 450, plot)).toBeNull()
    expect(pointAt(300, 851, plot)).toBeNull()
  })
})

describe('words', () => {
  it('says positions, spreads and shares', () => {
    expect(formatRating(7)).toBe('7')
    expect(formatRating(6.25)).toBe('6.3')
    expect(pointWords({ impact: 7, effort: 3.5 }, labels)).toBe(
      'Impact 7, Effort 3.5, in Quick wins',
    )
    expect(summaryWords({ n: 3, median: 7, q1: 6.5, q3: 8 })).toBe('7 (6.5–8)')
    expect(summaryWords(null)).toBe('no ratings')
    expect(percent(0.874)).toBe('87%')
    expect(percent(null)).toBe('–')
    expect(ratedLine('Dana', 7, 10)).toBe('Dana: 7 of 10 rated')
    expect(ratedLine('Dana', 0, 0)).toBe('Dana: rates no axis')
    expect(shortLabel('Shared on-call rota', 8)).toBe('Shared …')
    expect(shortLabel('Rota', 8)).toBe('Rota')
  })
})

describe('byQuadrant', () => {
  it('lists quick wins first, the unplaced last, and leaves empty quadrants out', () => {
    const items = [
      { k: 'a', q: 'fill-ins' as const },
      { k: 'b', q: null },
      { k: 'c', q: 'quick-wins' as const },
      { k: 'd', q: 'fill-ins' as const },
    ]
    expect(byQuadrant(items, (i) => i.q).map((g) => [g.quadrant, g.items.map((i) => i.k)])).toEqual(
      [
        ['quick-wins', ['c']],
        ['fill-ins', ['a', 'd']],
        [null, ['b']],
      ],
    )
  })
})

describe('revealRows', () => {
  // Surgeons Ana (impact 8, effort 2) and Ben (impact 6, effort 3); Radiologist Cy (2, 8).
  const groups = [
    { id: 'g1', name: 'Surgeons' },
    { id: 'g2', name: 'Radiologists' },
  ]
  const item = { key: 'i:a', kind: 'idea' as const, label: 'Rota' }
  const result: MatrixResults = {
    revealedAt: 1,
    settings: {
      select: 'all',
      top: 10,
      picked: [],
      on: 'both',
      axes: { impact: null, effort: null },
    },
    groups: groups.map((g) => ({ ...g, raters: g.id === 'g1' ? 2 : 1 })),
    items: aggregateItems({
      items: [item],
      raters: [
        { id: 'p1', group: 'g1', ratings: { 'i:a': { impact: 8, effort: 2 } } },
        { id: 'p2', group: 'g1', ratings: { 'i:a': { impact: 6, effort: 3 } } },
        { id: 'p3', group: 'g2', ratings: { 'i:a': { impact: 2, effort: 8 } } },
      ],
      groups,
      ...MATRIX_BOOTSTRAP,
    }),
    raters: 3,
    bootstrap: { ...MATRIX_BOOTSTRAP },
  }

  it('gives the medians of the weighting, each group, and the split in words', () => {
    const [people] = revealRows(result, 'people', labels)
    // Per person: impact 2, 6, 8 → median 6, quartiles 4 and 7; effort 2, 3, 8 → 3 (2.5–5.5).
    expect(people!.impact).toEqual({ n: 3, median: 6, q1: 4, q3: 7 })
    expect(people!.effort).toEqual({ n: 3, median: 3, q1: 2.5, q3: 5.5 })
    expect(people!.quadrant).toBe('quick-wins')
    expect(medianPoint(people!)).toEqual({ impact: 6, effort: 3 })
    expect(people!.groups.map((g) => g.words)).toEqual([
      'Surgeons (2): Impact 7 (6.5–7.5), Effort 2.5 (2.3–2.8), Quick wins',
      'Radiologists (1): Impact 2 (2–2), Effort 8 (8–8), Thankless tasks',
    ])
    // RAND/UCLA: a third of three ratings is one, so one low and one high already split.
    expect(people!.split).toBe(
      'Split on impact: 1 of 3 ratings are 1–3 and 1 are 7–9. ' +
        'Split on effort: 2 of 3 ratings are 1–3 and 1 are 7–9. ' +
        'The groups disagree: Surgeons place it in Quick wins, Radiologists in Thankless tasks.',
    )
    // Every group equal: each Surgeon weighs 1/2, Cy 1. Impact weights 2:1, 6:½, 8:½ → the
    // median lands exactly on 2's cumulative half, so halfway to 6 is 4.
    const [equal] = revealRows(result, 'groups', labels)
    expect(equal!.impact!.median).toBe(4)
    expect(equal!.effort!.median).toBe(5.5)
  })
})

describe('withWeightedImpact', () => {
  const item = (key: string) => ({ key, kind: 'idea' as const, label: key })
  it('puts scored items at their score, keeps and marks the others', () => {
    const entries = [
      { item: item('a'), point: { impact: 2, effort: 3 } },
      { item: item('b'), point: { impact: 8, effort: 6 } },
      { item: item('c'), point: null },
      { item: item('d'), point: null },
    ]
    expect(withWeightedImpact(entries, { a: 75, c: 50 })).toEqual([
      { item: item('a'), point: { impact: 7, effort: 3 }, unscored: false },
      { item: item('b'), point: { impact: 8, effort: 6 }, unscored: true },
      { item: item('c'), point: null, unscored: false },
      { item: item('d'), point: null, unscored: true },
    ])
  })
})
