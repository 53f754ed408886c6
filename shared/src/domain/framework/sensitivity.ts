// Sensitivity of a weighted ranking to its weights, in one call and in plain words: SMAA-2 rank
// acceptability around the adopted weights (spread fitted to the proposals), exact one-way
// stability intervals, and a sentence per leading item ("Segmentation stays in the top 3 in
// 94 % of plausible weightings; it drops out if Revenue Enablement rises above 40 %").
import type { Criterion, Weights } from '../../schema/framework.js'
import { fitConcentration } from './dirichlet.js'
import { valueMatrix, weightShares, type ScoreTable } from './scores.js'
import { DEFAULT_SAMPLES, rankAcceptability, type SmaaResult } from './smaa.js'
import {
  nearestThreshold,
  oneWayStability,
  type ItemThreshold,
  type StabilityInterval,
} from './stability.js'

/** Everything a sensitivity figure needs, so it can be recomputed from an export. */
export interface SensitivityInput {
  readonly items: readonly { readonly key: string; readonly label: string }[]
  readonly criteria: readonly Criterion[]
  /** The adopted weights (any positive scale; only shares count). */
  readonly weights: Weights
  readonly scores: ScoreTable
  /** The proposals the weights came from (their spread sets the sampling's concentration). */
  readonly proposals: readonly Weights[]
  readonly topN: number
  readonly seed: number
  readonly samples?: number
}

export interface Sensitivity {
  readonly smaa: SmaaResult
  readonly stability: readonly StabilityInterval[]
  /** Per item in the top N by the adopted weights (rank order): its nearest threshold and sentence. */
  readonly statements: readonly {
    readonly item: number
    readonly threshold: ItemThreshold | null
    readonly sentence: string
  }[]
}

/** A share as a whole percentage that never shows 0 or 100 unless it is exactly that. */
export function percentOfSamples(share: number): string {
  const p = Math.round(share * 100)
  const shown = share > 0 && share < 1 ? Math.min(99, Math.max(1, p)) : p
  return `${shown} %`
}

/** A weight share as a percentage, to one decimal when it is not whole. */
export function percentOfWeight(share: number): string {
  const p = Math.round(share * 1000) / 10
  return `${Number.isInteger(p) ? p : p.toFixed(1)} %`
}

/**
 * The plain-words sentence for one item: how often it is in the top N over plausible weightings,
 * and the nearest single weight change that takes it out (or, for an item outside, brings it in).
 */
export function sensitivitySentence(args: {
  readonly label: string
  readonly topN: number
  readonly share: number
  readonly inTop: boolean
  readonly threshold: {
    readonly criterion: string
    readonly direction: 'rises' | 'falls'
    readonly at: number
  } | null
}): string {
  const { label, topN, share, inTop, threshold } = args
  const top = topN === 1 ? 'first place' : `the top ${topN}`
  const first = inTop
    ? `${label} stays in ${top} in ${percentOfSamples(share)} of plausible weightings`
    : `${label} is in ${top} in ${percentOfSamples(share)} of plausible weightings`
  if (threshold === null) {
    return inTop
      ? `${first}; no single weight moved on its own takes it out.`
      : `${first}; no single weight moved on its own brings it in.`
  }
  const move = `${threshold.criterion} ${threshold.direction === 'rises' ? 'rises above' : 'falls below'} ${percentOfWeight(threshold.at)}`
  return `${first}; it ${inTop ? 'drops out' : 'comes in'} if ${move}.`
}

/**
 * Rank acceptability, one-way stability and the sentences for a weighted ranking. Pure and
 * seeded: the same input gives the same figures and words.
 */
export function analyseSensitivity(input: SensitivityInput): Sensitivity {
  const { items, criteria, topN, seed } = input
  const m = criteria.length
  const w = weightShares(criteria, input.weights)
  const values = valueMatrix(
    items.map((i) => i.key),
    criteria,
    input.scores,
  )
  const concentration = fitConcentration(
    w,
    input.proposals.map((p) => criteria.map((c) => p[c.id] ?? 0)),
  )
  const smaa = rankAcceptability({
    values,
    m,
    weights: w,
    concentration,
    topN,
    seed,
    samples: input.samples ?? DEFAULT_SAMPLES,
    pairwiseOf: Math.max(10, topN),
  })
  const stability = oneWayStability(values, m, w, topN)
  const leading = smaa.pairwiseItems.slice(0, Math.min(topN, items.length))
  const statements = leading.map((item) => {
    const threshold = nearestThreshold(values, m, w, topN, item)
    return {
      item,
      threshold,
      sentence: sensitivitySentence({
        label: items[item]!.label,
        topN,
        share: smaa.topShare[item]!,
        inTop: true,
        threshold: threshold && { ...threshold, criterion: criteria[threshold.criterion]!.name },
      }),
    }
  })
  return { smaa, stability, statements }
}
