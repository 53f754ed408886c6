// The switch between the impact the ratings give and the weighted benefit score (issue 11,
// item 6), shown only when weights are adopted and items scored; and the placement it yields.
import { useId, useState } from 'react'
import type { BoardItem } from './placement-board'
import { withWeightedImpact } from './matrix-model'

export type ImpactSource = 'ratings' | 'weighted'

const LABELS: Record<ImpactSource, string> = {
  ratings: 'Ratings',
  weighted: 'Weighted benefit score',
}

/**
 * The chosen source and the items as the board draws them: with `weighted` on, each scored
 * item's impact at its score (0 → 1, 100 → 9) and the others marked. Without scores it is
 * always `ratings`.
 */
export function useImpactSource(
  entries: readonly BoardItem[],
  weighted: Readonly<Record<string, number>> | null,
) {
  const [chosen, setChosen] = useState<ImpactSource>('ratings')
  const source: ImpactSource = weighted ? chosen : 'ratings'
  const items: readonly BoardItem[] =
    source === 'weighted' && weighted ? withWeightedImpact(entries, weighted) : entries
  return { source, setSource: setChosen, items, available: weighted !== null }
}

export function ImpactSwitch({
  source,
  onChange,
}: {
  source: ImpactSource
  onChange: (source: ImpactSource) => void
}) {
  const id = useId()
  return (
    <fieldset className="field matrix-impact-switch">
      <legend>Impact</legend>
      {(['ratings', 'weighted'] as const).map((s) => (
        <label key={s} className="check">
          <input
            type="radio"
            name={`${id}-impact`}
            checked={source === s}
            onChange={() => onChange(s)}
          />{' '}
          {LABELS[s]}
        </label>
      ))}
      {source === 'weighted' && (
        <p className="hint">
          Impact is each item&apos;s weighted benefit score (0 at the bottom, 100 at the top). Items
          without a score stay where they were placed and are marked “no score”. Moving items is off
          while this is shown.
        </p>
      )}
    </fieldset>
  )
}
