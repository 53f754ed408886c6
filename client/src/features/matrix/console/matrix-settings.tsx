// The ratings round's settings on the console: which items go onto the matrix (all of them,
// the top N of the dot vote, or a hand-picked few) and which groups rate each axis. Written to
// the control document as they change, before the round opens; fixed after, with the reason.
// The item choice is the rounds kit's chooser, shared with the scores round.
import { useId } from 'react'
import {
  MATRIX_AXES,
  type CandidateItem,
  type Group,
  type MatrixRatingSettings,
} from '@triage/shared'
import { groupRates, withAxisGroup } from './settings-model'
import { ItemChooser } from '../../../rounds/item-chooser'
import { LockIcon } from '../../../ui/lock-icon'

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
      <ItemChooser
        legend="Items on the matrix"
        settings={settings}
        boardItems={boardItems}
        disabled={locked}
        onChange={onChange}
      />
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
