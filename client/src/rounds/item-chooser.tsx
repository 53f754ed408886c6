// Which items a round takes — all of them, the top N of the dot vote, or a hand-picked few — as
// the 2x2's ratings round and the scores round both choose them (the same settings, the same
// rule in shared `matrixItems`). Fixed once the round opens: the caller passes `disabled`.
import { useId, useState } from 'react'
import { MATRIX_MAX_ITEMS, type CandidateItem, type MatrixRatingSettings } from '@triage/shared'
import { withPicked } from './item-choice'

const SELECT_LABELS = {
  all: 'All items',
  top: 'Top items of the dot vote',
  picked: 'Hand-picked items',
} as const

export function ItemChooser({
  legend,
  settings,
  boardItems,
  disabled,
  onChange,
}: {
  /** The choice's name ("Items on the matrix", "Items to score"). */
  legend: string
  settings: MatrixRatingSettings
  /** Everything on the board, for picking by hand. */
  boardItems: readonly CandidateItem[]
  disabled: boolean
  onChange: (settings: MatrixRatingSettings) => void
}) {
  const id = useId()
  const [topText, setTopText] = useState<string | null>(null)
  const topShown = topText ?? String(settings.top)
  const topValid = /^\d{1,2}$/.test(topShown) && +topShown >= 1 && +topShown <= MATRIX_MAX_ITEMS
  return (
    <>
      <fieldset className="field" disabled={disabled}>
        <legend>{legend}</legend>
        {(['all', 'top', 'picked'] as const).map((select) => (
          <label key={select} className="check">
            <input
              type="radio"
              name={`${id}-select`}
              checked={settings.select === select}
              onChange={() => onChange({ ...settings, select })}
            />{' '}
            {SELECT_LABELS[select]}
          </label>
        ))}
      </fieldset>
      {settings.select === 'top' && (
        <div className="field">
          <label htmlFor={`${id}-top`}>How many of the top items</label>
          <input
            id={`${id}-top`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MATRIX_MAX_ITEMS}
            value={topShown}
            disabled={disabled}
            aria-invalid={!topValid || undefined}
            aria-describedby={`${id}-top-hint`}
            onChange={(e) => {
              const text = e.target.value
              setTopText(text)
              if (/^\d{1,2}$/.test(text) && +text >= 1 && +text <= MATRIX_MAX_ITEMS) {
                onChange({ ...settings, top: +text })
              }
            }}
          />
          <p id={`${id}-top-hint`} className="hint">
            {topValid
              ? 'Ties at the last place all go on.'
              : `Take from 1 to ${MATRIX_MAX_ITEMS} items.`}
          </p>
        </div>
      )}
      {settings.select === 'picked' && (
        <fieldset className="field item-chooser__picked" disabled={disabled}>
          <legend>Pick the items</legend>
          {boardItems.length === 0 && <p className="hint">The board has no items yet.</p>}
          {boardItems.map((item) => (
            <label key={item.key} className="check">
              <input
                type="checkbox"
                checked={settings.picked.includes(item.key)}
                onChange={(e) => onChange(withPicked(settings, item.key, e.target.checked))}
              />{' '}
              {item.label}
            </label>
          ))}
        </fieldset>
      )}
    </>
  )
}
