// The impact-vs-effort 2x2's pure rules, as the package exports them: quadrants, the item
// choice, clamped ratings, the aggregate, split opinion and quadrant stability. Helpers with
// generic names (histograms, hashes) stay inside the folder.
export { DEFAULT_AXIS_NAMES, DEFAULT_QUADRANT_LABELS, quadrantOf } from './quadrant.js'
export { matrixItems, noMatrixItems } from './items.js'
export {
  adoptedPositions,
  clampPoint,
  handMoves,
  movedByHand,
  MOVED_TOLERANCE,
} from './placement.js'
export { axesFor, clampRatings, ratesAxis, ratingProgress } from './ratings.js'
export { describeSplit, splitOf, type SplitWords } from './split.js'
export {
  quadrantStability,
  quadrantStabilities,
  type BootstrapDraws,
  type MatrixWeighting,
  type RaterPoint,
  type StabilityRequest,
} from './stability.js'
export {
  aggregateItems,
  MATRIX_BOOTSTRAP,
  type MatrixAggregateRequest,
  type MatrixRater,
} from './aggregate.js'
export {
  impactFromScore,
  weightedBenefitScores,
  weightedImpactPoint,
  type WeightedImpactSource,
} from './weighted-impact.js'
