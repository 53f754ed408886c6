// The 2x2's hidden ratings as a round kind: each participant rates impact and effort 1–9 (or
// skips) for the items chosen at open, only on the axes their group rates; the reveal is the
// matrix aggregate — medians and whiskers per person and per group, split flags, stability.
import { candidateItemSchema, type CandidateItem } from '../../schema/items.js'
import {
  matrixRatingSettingsSchema,
  matrixRatingsSchema,
  matrixResultsSchema,
  type MatrixRatingSettings,
  type MatrixRatings,
  type MatrixResults,
} from '../../schema/matrix.js'
import { z } from '../../schema/zod.js'
import type { Group } from '../../schema/workshop.js'
import {
  aggregateItems,
  MATRIX_BOOTSTRAP,
  matrixGroupOrder,
  type MatrixRater,
} from '../matrix/aggregate.js'
import { matrixItems, noMatrixItems } from '../matrix/items.js'
import { axesFor, clampRatings, ratingProgress } from '../matrix/ratings.js'
import { defineRoundKind } from './round-kind.js'
import { ROUND_WORDS } from './words.js'

/** What ratings are cast on: the settings, the items fixed at close, and whether votes were in. */
export interface MatrixRatingContext {
  readonly settings: MatrixRatingSettings
  readonly items: readonly CandidateItem[]
  /** Whether a dot vote had been revealed (only for the reason a round cannot open). */
  readonly votesRevealed: boolean
}

const contextSchema = z.object({
  settings: matrixRatingSettingsSchema,
  items: z.array(candidateItemSchema),
  votesRevealed: z.boolean(),
})

/** Before the facilitator chooses: the top 10 of the dot vote, every group rating both axes. */
export const DEFAULT_MATRIX_RATING_SETTINGS: MatrixRatingSettings = {
  select: 'top',
  top: 10,
  picked: [],
  on: 'both',
  axes: { impact: null, effort: null },
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** The settings in words, as the decision log states the choice of items and raters. */
export function describeMatrixRatingSettings(settings: MatrixRatingSettings): string {
  const on = {
    themes: 'clusters and ideas in no cluster',
    clusters: 'clusters',
    ideas: 'ideas',
    both: 'clusters and ideas',
  }[settings.on]
  const items =
    settings.select === 'top'
      ? `the top ${settings.top} of the dot vote`
      : settings.select === 'picked'
        ? `${plural(new Set(settings.picked).size, 'hand-picked item')}`
        : `all ${on}`
  const axes = (['impact', 'effort'] as const).flatMap((axis) => {
    const groups = settings.axes[axis]
    return groups === null ? [] : [`${axis} rated by ${plural(groups.length, 'group')} only`]
  })
  return [items, ...axes].join('; ')
}

/**
 * The revealed 2x2 from clamped ratings: the round's aggregate, with the bootstrap's seed and
 * resamples given (the round uses `MATRIX_BOOTSTRAP`; the export recomputes with the result's).
 */
export function matrixResult(request: {
  readonly settings: MatrixRatingSettings
  readonly items: readonly CandidateItem[]
  readonly raters: readonly MatrixRater[]
  readonly groups: readonly Group[]
  readonly revealedAt: number
  readonly bootstrap: MatrixResults['bootstrap']
}): MatrixResults {
  const { raters, groups, bootstrap } = request
  const took = raters.filter((r) => Object.keys(r.ratings).length > 0)
  return {
    revealedAt: request.revealedAt,
    settings: request.settings,
    groups: matrixGroupOrder(groups, raters).map((g) => ({
      id: g.id,
      name: g.name,
      raters: took.filter((r) => r.group === g.id).length,
    })),
    items: aggregateItems({ items: request.items, raters, groups, ...bootstrap }),
    raters: took.length,
    bootstrap: {
      seed: bootstrap.seed,
      resamples: bootstrap.resamples,
      ...(bootstrap.draws ? { draws: bootstrap.draws } : {}),
    },
  }
}

export const matrixRatings = defineRoundKind<
  MatrixRatingSettings,
  MatrixRatingContext,
  MatrixRatings,
  MatrixResults
>({
  id: 'matrix-ratings',
  words: ROUND_WORDS['matrix-ratings'],
  settingsSchema: matrixRatingSettingsSchema,
  contextSchema,
  inputSchema: matrixRatingsSchema,
  resultSchema: matrixResultsSchema,
  defaultSettings: () => DEFAULT_MATRIX_RATING_SETTINGS,
  context: (settings, world) => ({
    settings,
    items: matrixItems(settings, world.board, world.votes ?? null),
    votesRevealed: (world.votes ?? null) !== null,
  }),
  cannotOpen: (context) => noMatrixItems(context.settings, context.items, context.votesRevealed),
  clamp: (raw, context, who) =>
    clampRatings(raw, context.items, axesFor(context.settings.axes, who.group)),
  progress: (input, context, who) =>
    ratingProgress(input, context.items, axesFor(context.settings.axes, who.group)),
  aggregate: ({ settings, context, inputs, groups, revealedAt }) =>
    matrixResult({
      settings,
      items: context.items,
      raters: inputs.map(({ participant, input }) => ({
        id: participant.id,
        group: participant.group,
        ratings: input,
      })),
      groups,
      revealedAt,
      bootstrap: MATRIX_BOOTSTRAP,
    }),
  describeSettings: describeMatrixRatingSettings,
  headline: (result) => {
    const placed = result.items.filter((i) => i.groups.quadrant !== null)
    const quick = placed.filter((i) => i.groups.quadrant === 'quick-wins').length
    const split = result.items.filter((i) => i.split !== null).length
    return {
      headline: `${placed.length} of ${plural(result.items.length, 'item')} placed, ${quick} as quick wins, ${split} split`,
      took: result.raters,
    }
  },
})
