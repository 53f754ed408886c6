// The ratings round's settings on the console: which items go onto the matrix (all of them,
// the top N of the dot vote, or a hand-picked few) and which groups rate each axis. Written to
// the control document as they change, before the round opens; fixed after, with the reason.
import { useId, useState } from 'react'
import {
  MATRIX_AXES,
  MATRIX_MAX_ITEMS,
  type CandidateItem,
  type Group,
  type MatrixRatingSettings,
} from '@triage/shared'
import { groupRates, withAxisGroup, withPicked } from './settings-model'
import { LockIcon } from '../../../ui/lock-icon'

const SELECT_LABELS = {
  all: 'All items',
  top: 'Top items of the dot vote',
  picked: 'Hand-picked items',
} as const

export function MatrixSettingsForm({
  settings,
  boardItems,
  groups,
  lockedReason,
  onChange,
}: {
  settings: MatrixRatingSettings
  /** Everything on the board, for picking by hand. */
  boardItems: readonly CandidateItem[]
  groups: readonly Group[]
  lockedReason: string | null
  onChange: (settings: MatrixRatingSettings) => void
}) {
  const id = useId()
  const locked = lockedReason !== null
  const [topText, setTopText] = useState<string | null>(null)
  const topShown = topText ?? String(settings.top)
  const topValid = /^\d{1,2}$/.test(topShown) && +topShown >= 1 && +topShown <= MATRIX_MAX_ITEMS
  return (
    <form
      className="form matrix-settings"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      aria-labelledby={`${id}-t`}
      aria-describedby={locked ? `${id}-why` : undefined}
    >
      <h3 id={`${id}-t`} className="panel-subtitle">
        Settings
      </h3>
      {locked && (
        <p id={`${id}-why`} className="voting-settings__locked">
          <LockIcon /> {lockedReason}
        </p>
      )}
      <fieldset className="field" disabled={locked}>
        <legend>Items on the matrix</legend>
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
            disabled={locked}
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
        <fieldset className="field matrix-settings__picked" disabled={locked}>
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
      {groups.length > 1 &&
        MATRIX_AXES.map((axis) => (
          <fieldset key={axis} className="field" disabled={locked}>
            <legend>Groups who rate {axis}</legend>
            {groups.map((g) => (
              <label key={g.id} className="check">
                <input
                  type="checkbox"
                  checked={groupRates(settings, axis, g.id)}
                  onChange={(e) =>
                    onChange(
                      withAxisGroup(
                        settings,
                        axis,
                        g.id,
                        e.target.checked,
                        groups.map((x) => x.id),
                      ),
                    )
                  }
                />{' '}
                {g.name}
              </label>
            ))}
          </fieldset>
        ))}
    </form>
  )
}
