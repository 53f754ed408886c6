// RICE with a clinical-impact multiplier, entered by the facilitator for the room: per item the
// reach and effort typed in and impact, confidence and the multiplier chosen from their scales;
// checked (rice-model.ts) before it is written to the control document, whose guard checks again.
import type * as Y from 'yjs'
import {
  RICE_CLINICAL_MULTIPLIER,
  RICE_CONFIDENCE,
  RICE_IMPACT,
  setRiceEstimates,
  type RiceEstimates,
} from '@triage/shared'
import { Section } from '../../../ui/layout'
import {
  EMPTY_RICE_ROW,
  formOfRice,
  parseRiceForm,
  type RiceForm,
  type RiceRow,
} from './rice-model'
import { TableFormSave, useTableForm } from './table-form'
import { useCandidateItems } from './use-candidate-items'

const SCALES = [
  { field: 'impact', name: 'Impact', scale: RICE_IMPACT },
  { field: 'confidence', name: 'Confidence', scale: RICE_CONFIDENCE },
  { field: 'clinical', name: 'Clinical multiplier', scale: RICE_CLINICAL_MULTIPLIER },
] as const

export function RiceEditor({
  workshopId,
  token,
  doc,
  rice,
}: {
  workshopId: string
  token: string
  doc: Y.Doc
  rice: RiceEstimates | null
}) {
  const items = useCandidateItems(workshopId, token)
  const table = useTableForm({
    saved: () => formOfRice(rice),
    commit: (form: RiceForm) => {
      const parsed = parseRiceForm(form, items)
      if (!parsed.ok) return parsed.message
      setRiceEstimates(doc, parsed.rice)
      return null
    },
    done: 'RICE estimates saved.',
  })
  const form = table.form
  const rowOf = (key: string) => (Object.hasOwn(form, key) ? form[key]! : EMPTY_RICE_ROW)
  const edit = (key: string, patch: Partial<RiceRow>) =>
    table.change({ ...form, [key]: { ...rowOf(key), ...patch } })

  return (
    <Section title="RICE estimates" id="weigh-rice-heading">
      <p className="hint">
        The room’s agreed estimates for each item. Reach: people or events per period; effort:
        person-months. An item left empty gets no score and is ranked last.
      </p>
      {items.length === 0 ? (
        <p className="muted">There are no items on the board to estimate yet.</p>
      ) : (
        <div className="weigh-scores weigh-rice">
          <table className="weigh-table">
            <caption>RICE estimates per item</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Reach</th>
                {SCALES.map((s) => (
                  <th scope="col" key={s.field}>
                    {s.name}
                  </th>
                ))}
                <th scope="col">Effort (person-months)</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const row = rowOf(item.key)
                return (
                  <tr key={item.key}>
                    <th scope="row">{item.label}</th>
                    <td>
                      <input
                        inputMode="numeric"
                        maxLength={10}
                        aria-label={`Reach of ${item.label}`}
                        value={row.reach}
                        onChange={(e) => edit(item.key, { reach: e.target.value })}
                      />
                    </td>
                    {SCALES.map((s) => (
                      <td key={s.field}>
                        <select
                          aria-label={`${s.name} of ${item.label}`}
                          value={row[s.field]}
                          onChange={(e) => edit(item.key, { [s.field]: e.target.value })}
                        >
                          <option value="">Not set</option>
                          {s.scale.map((v) => (
                            <option key={v.value} value={String(v.value)}>
                              {s.field === 'confidence' ? v.label : `${v.label} (${v.value})`}
                            </option>
                          ))}
                        </select>
                      </td>
                    ))}
                    <td>
                      <input
                        inputMode="decimal"
                        maxLength={11}
                        aria-label={`Effort of ${item.label} in person-months`}
                        value={row.effort}
                        onChange={(e) => edit(item.key, { effort: e.target.value })}
                      />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <TableFormSave label="Save RICE estimates" form={table} canSave={items.length > 0} />
    </Section>
  )
}
