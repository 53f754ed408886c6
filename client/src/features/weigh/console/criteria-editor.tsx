// The facilitator's criteria editor: start from a preset (its starting weights stated), then
// edit each criterion's name, description, direction and scale, add or remove criteria, and
// save them into the control document. Fixed while weights are being proposed on them. RICE is
// a preset too: choosing it ranks by the RICE formula instead (the criteria are kept, so saving
// criteria again goes back to weighting them).
import { useId, useState } from 'react'
import type * as Y from 'yjs'
import {
  FRAMEWORK_LIMITS,
  FRAMEWORK_PRESETS,
  RICE_FORMULA,
  setFramework,
  setFrameworkMethod,
  type Framework,
  type FrameworkMethod,
} from '@triage/shared'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { Section } from '../../../ui/layout'
import type { RoundStatus } from '../../../rounds/round-status'
import {
  formOfFramework,
  newRow,
  parseCriteriaForm,
  type CriteriaForm,
  type CriterionRow,
} from './criteria-model'

const EMPTY: CriteriaForm = { preset: null, rows: [], startingWeights: {} }

/** The RICE preset's entry in the preset list (a formula, not weighted criteria). */
const RICE_PRESET = { id: 'rice', name: 'RICE with a clinical-impact multiplier' } as const
const PRESET_CHOICES = [...FRAMEWORK_PRESETS, RICE_PRESET]

export function CriteriaEditor({
  doc,
  framework,
  method,
  status,
}: {
  doc: Y.Doc
  framework: Framework | null
  method: FrameworkMethod
  status: RoundStatus
}) {
  const [draft, setDraft] = useState<CriteriaForm | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [presetId, setPresetId] = useState(FRAMEWORK_PRESETS[0]!.id)
  const announce = useAnnounce()
  const hintId = useId()
  const locked = status === 'open'
  const form = draft ?? (framework ? formOfFramework(framework) : EMPTY)
  const preset = FRAMEWORK_PRESETS.find((p) => p.id === (form.preset ?? ''))

  const change = (next: CriteriaForm) => {
    setDraft(next)
    setError(null)
  }
  const editRow = (i: number, patch: Partial<CriterionRow>) =>
    change({ ...form, rows: form.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) })
  const rice = method === 'rice' && draft === null
  const usePreset = () => {
    if (presetId === RICE_PRESET.id) {
      setFrameworkMethod(doc, 'rice')
      setDraft(null)
      setError(null)
      announce('RICE chosen: enter each item’s estimates.')
      return
    }
    const chosen = FRAMEWORK_PRESETS.find((p) => p.id === presetId)
    if (chosen) change(formOfFramework(chosen.framework))
  }
  const save = () => {
    const parsed = parseCriteriaForm(form)
    if (!parsed.ok) {
      setError(parsed.message)
      return
    }
    doc.transact(() => {
      setFramework(doc, parsed.framework)
      if (method !== 'weighted') setFrameworkMethod(doc, 'weighted')
    })
    setDraft(null)
    announce('Criteria saved.')
  }

  return (
    <Section title="Criteria" id="weigh-criteria-heading">
      {locked ? (
        <p className="hint" id={hintId}>
          The criteria are fixed while weights are being proposed on them. Close the round to change
          them.
        </p>
      ) : (
        <div className="button-row">
          <label className="weigh-field">
            Preset
            <select value={presetId} onChange={(e) => setPresetId(e.target.value)}>
              {PRESET_CHOICES.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button className="button" type="button" onClick={usePreset}>
            Use this preset
          </button>
        </div>
      )}
      {rice && (
        <>
          <p>
            Ranked by RICE with a clinical-impact multiplier: no weights, the formula combines the
            estimates. To weigh criteria instead, choose another preset and save the criteria.
          </p>
          <p className="hint">{RICE_FORMULA}</p>
        </>
      )}
      {!rice && preset && <p className="hint">{preset.weightsStated}</p>}
      {!rice && form.rows.length === 0 && (
        <p className="muted">No criteria yet: start from a preset, or add criteria one by one.</p>
      )}
      {!rice && (
        <fieldset
          disabled={locked}
          className="weigh-fieldset"
          aria-describedby={locked ? hintId : undefined}
        >
          <legend className="visually-hidden">Criteria</legend>
          <ol className="weigh-criteria">
            {form.rows.map((row, i) => (
              <li key={i} className="weigh-criterion">
                <label>
                  Name of criterion {i + 1}
                  <input
                    value={row.name}
                    maxLength={FRAMEWORK_LIMITS.criterionName}
                    onChange={(e) => editRow(i, { name: e.target.value })}
                  />
                </label>
                <label>
                  Description of criterion {i + 1}
                  <input
                    value={row.description}
                    maxLength={FRAMEWORK_LIMITS.criterionDescription}
                    onChange={(e) => editRow(i, { description: e.target.value })}
                  />
                </label>
                <label>
                  Direction of criterion {i + 1}
                  <select
                    value={row.direction}
                    onChange={(e) =>
                      editRow(i, { direction: e.target.value === 'cost' ? 'cost' : 'benefit' })
                    }
                  >
                    <option value="benefit">Benefit (higher is better)</option>
                    <option value="cost">Cost (higher is worse)</option>
                  </select>
                </label>
                <label>
                  Lowest score of criterion {i + 1}
                  <input
                    inputMode="numeric"
                    value={row.min}
                    maxLength={5}
                    onChange={(e) => editRow(i, { min: e.target.value })}
                  />
                </label>
                <label>
                  Highest score of criterion {i + 1}
                  <input
                    inputMode="numeric"
                    value={row.max}
                    maxLength={5}
                    onChange={(e) => editRow(i, { max: e.target.value })}
                  />
                </label>
                <button
                  className="button"
                  type="button"
                  aria-label={`Remove criterion ${i + 1}${row.name ? ` (${row.name})` : ''}`}
                  onClick={() => change({ ...form, rows: form.rows.filter((_, j) => j !== i) })}
                >
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <div className="button-row">
            <button
              className="button"
              type="button"
              disabled={form.rows.length >= FRAMEWORK_LIMITS.criteria}
              onClick={() => change({ ...form, rows: [...form.rows, newRow()] })}
            >
              Add a criterion
            </button>
            <button
              className="button button--primary"
              type="button"
              disabled={draft === null}
              onClick={save}
            >
              Save criteria
            </button>
          </div>
        </fieldset>
      )}
      <ErrorAlert message={error} />
    </Section>
  )
}
