// The voting settings (before voting opens, or while it is closed): dots per person, the cap
// per item, anonymity and what is voted on. Typed text stays text until it is checked.
import { useId, type FormEvent } from 'react'
import { VOTE_ON, type VoteOn } from '@triage/shared'
import { VOTE_ON_LABELS, type SettingsForm } from './voting-settings-model'

export function VotingSettingsForm({
  form,
  invalidField,
  dirty,
  onChange,
  onSave,
}: {
  form: SettingsForm
  /** The field the current message is about, marked invalid. */
  invalidField: string | null
  dirty: boolean
  onChange: (form: SettingsForm) => void
  onSave: () => void
}) {
  const id = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSave()
  }
  const set = (change: Partial<SettingsForm>) => onChange({ ...form, ...change })
  return (
    // noValidate: the shared schema checks the numbers and says what is wrong, in words.
    <form className="form voting-settings" noValidate onSubmit={submit} aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`} className="panel-subtitle">
        Settings
      </h3>
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
      <fieldset className="choices vote-on" role="radiogroup" aria-labelledby={`${id}-on`}>
        <legend id={`${id}-on`}>Vote on</legend>
        {VOTE_ON.map((value: VoteOn) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-on`}
              value={value}
              checked={form.voteOn === value}
              onChange={() => set({ voteOn: value })}
            />
            {VOTE_ON_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <div className="button-row voting-settings__save">
        <button className="button" type="submit" disabled={!dirty}>
          Save settings
        </button>
        {dirty && <span className="hint">Unsaved changes: saved when you open voting.</span>}
      </div>
    </form>
  )
}
