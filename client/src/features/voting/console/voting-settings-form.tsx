// The voting settings: dots per person, the cap per item, anonymity and what is voted on.
// Editable before voting opens (and when the facilitator changes them to reopen); otherwise the
// same fields, disabled, with the reason beside them. Typed text stays text until it is checked.
import { useId, type FormEvent } from 'react'
import { VOTE_ON, type VoteOn } from '@triage/shared'
import { VOTE_ON_HINTS, VOTE_ON_LABELS, type SettingsForm } from './voting-settings-model'
import { LockIcon } from '../../../ui/lock-icon'

export interface SettingsSubmit {
  readonly label: string
  /** Whether it can be pressed (the form has something to save). */
  readonly enabled: boolean
  /** Said next to it while it is enabled. */
  readonly hint: string | null
  /** A second button that leaves the form without saving. */
  readonly cancel?: { readonly label: string; readonly onCancel: () => void }
}

export function VotingSettingsForm({
  form,
  invalidField,
  lockedReason,
  submit,
  onChange,
  onSave,
}: {
  form: SettingsForm
  /** The field the current message is about, marked invalid. */
  invalidField: string | null
  /** Null while the settings can change; otherwise why not, shown and the fields disabled. */
  lockedReason: string | null
  submit: SettingsSubmit
  onChange: (form: SettingsForm) => void
  onSave: () => void
}) {
  const id = useId()
  const locked = lockedReason !== null
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (!locked) onSave()
  }
  const set = (change: Partial<SettingsForm>) => onChange({ ...form, ...change })
  return (
    // noValidate: the shared schema checks the numbers and says what is wrong, in words.
    <form
      className={`form voting-settings${locked ? ' voting-settings--locked' : ''}`}
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={`${id}-t`}
      aria-describedby={locked ? `${id}-why` : undefined}
    >
      <h3 id={`${id}-t`} className="panel-subtitle">
        Settings
      </h3>
      {locked && (
        // Words, not only disabled fields: why they cannot change, and what would change them.
        <p id={`${id}-why`} className="voting-settings__locked">
          <LockIcon /> {lockedReason}
        </p>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-budget`}>Dots per person</label>
          <input
            id={`${id}-budget`}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            step={1}
            value={form.dotBudget}
            disabled={locked}
            aria-invalid={invalidField === 'dotBudget' || undefined}
            onChange={(e) => set({ dotBudget: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cap`}>Most dots on one item</label>
          <input
            id={`${id}-cap`}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            step={1}
            value={form.maxDotsPerItem}
            disabled={locked}
            aria-invalid={invalidField === 'maxDotsPerItem' || undefined}
            onChange={(e) => set({ maxDotsPerItem: e.target.value })}
          />
        </div>
      </div>
      <div>
        <div className="field--check">
          <input
            id={`${id}-anon`}
            type="checkbox"
            checked={form.anonymous}
            disabled={locked}
            aria-describedby={`${id}-anon-hint`}
            onChange={(e) => set({ anonymous: e.target.checked })}
          />
          <label htmlFor={`${id}-anon`}>Anonymous votes</label>
        </div>
        <p id={`${id}-anon-hint`} className="hint">
          {form.anonymous
            ? 'The results show totals per item and per group, never who voted where.'
            : 'The results also list each participant’s dots by name.'}
        </p>
      </div>
      <fieldset
        className="choices vote-on"
        role="radiogroup"
        aria-labelledby={`${id}-on`}
        aria-describedby={`${id}-on-hint`}
      >
        <legend id={`${id}-on`}>Vote on</legend>
        {VOTE_ON.map((value: VoteOn) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-on`}
              value={value}
              checked={form.voteOn === value}
              disabled={locked}
              onChange={() => set({ voteOn: value })}
            />
            {VOTE_ON_LABELS[value]}
          </label>
        ))}
        <p id={`${id}-on-hint`} className="hint">
          {VOTE_ON_HINTS[form.voteOn]}
        </p>
      </fieldset>
      {!locked && (
        <div className="button-row voting-settings__save">
          <button className="button" type="submit" disabled={!submit.enabled}>
            {submit.label}
          </button>
          {submit.cancel && (
            <button className="button" type="button" onClick={submit.cancel.onCancel}>
              {submit.cancel.label}
            </button>
          )}
          {submit.enabled && submit.hint && <span className="hint">{submit.hint}</span>}
        </div>
      )}
    </form>
  )
}
