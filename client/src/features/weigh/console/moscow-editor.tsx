// MoSCoW as a separate, optional step: the facilitator tags items Must, Should, Could or Won't
// with an effort estimate, or takes every item's effort from the 2x2; saved to the control
// document (checked here and by the guard), with the effort per category and the warning when
// Musts take more than about 60 % of the planned effort.
import { useId } from 'react'
import type * as Y from 'yjs'
import {
  MOSCOW_CATEGORIES,
  MOSCOW_LABELS,
  setMoscowPlan,
  type MatrixPoint,
  type MoscowPlan,
} from '@triage/shared'
import { Section } from '../../../ui/layout'
import { MoscowView } from '../moscow-view'
import { points } from '../outcome-model'
import {
  categoryOf,
  formOfMoscow,
  parseMoscowForm,
  type MoscowForm,
  type MoscowRow,
} from './moscow-model'
import { TableFormSave, useTableForm } from './table-form'
import { useCandidateItems } from './use-candidate-items'

const NO_ROW: MoscowRow = { category: '', effort: '' }

export function MoscowEditor({
  workshopId,
  token,
  doc,
  plan,
  positions,
}: {
  workshopId: string
  token: string
  doc: Y.Doc
  plan: MoscowPlan | null
  positions: Readonly<Record<string, MatrixPoint>>
}) {
  const items = useCandidateItems(workshopId, token)
  const table = useTableForm({
    saved: () => formOfMoscow(plan),
    commit: (form: MoscowForm) => {
      const parsed = parseMoscowForm(form, items)
      if (!parsed.ok) return parsed.message
      setMoscowPlan(doc, parsed.plan)
      return null
    },
    done: 'MoSCoW saved.',
  })
  const id = useId()
  const { form, change } = table
  const fromMatrix = form.effortFrom === 'matrix'
  const rowOf = (key: string) => (Object.hasOwn(form.rows, key) ? form.rows[key]! : NO_ROW)
  const edit = (key: string, patch: Partial<MoscowRow>) =>
    change({ ...form, rows: { ...form.rows, [key]: { ...rowOf(key), ...patch } } })

  return (
    <Section title="MoSCoW (optional)" id="weigh-moscow-heading">
      <p className="hint">
        Tag items Must, Should, Could or Won’t. Musts should take no more than about 60 % of the
        planned effort (Must, Should and Could; Won’t is not planned), so that something is left if
        estimates slip (DSDM).
      </p>
      <fieldset className="field">
        <legend>Effort comes from</legend>
        <label className="check">
          <input
            type="radio"
            name={`${id}-effort`}
            checked={!fromMatrix}
            onChange={() => change({ ...form, effortFrom: 'entered' })}
          />{' '}
          Estimates typed in here
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-effort`}
            checked={fromMatrix}
            onChange={() => change({ ...form, effortFrom: 'matrix' })}
          />{' '}
          The 2x2’s effort (1–9)
        </label>
      </fieldset>
      {items.length === 0 ? (
        <p className="muted">There are no items on the board to tag yet.</p>
      ) : (
        <div className="weigh-scores weigh-moscow-form">
          <table className="weigh-table">
            <caption>MoSCoW per item</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Category</th>
                <th scope="col">{fromMatrix ? 'Effort on the 2x2' : 'Effort'}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const row = rowOf(item.key)
                const placed = Object.hasOwn(positions, item.key) ? positions[item.key]! : null
                return (
                  <tr key={item.key}>
                    <th scope="row">{item.label}</th>
                    <td>
                      <select
                        aria-label={`MoSCoW category of ${item.label}`}
                        value={row.category}
                        onChange={(e) => edit(item.key, { category: categoryOf(e.target.value) })}
                      >
                        <option value="">Not tagged</option>
                        {MOSCOW_CATEGORIES.map((c) => (
                          <option key={c} value={c}>
                            {MOSCOW_LABELS[c]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {fromMatrix ? (
                        placed ? (
                          points(placed.effort)
                        ) : (
                          'not on the 2x2'
                        )
                      ) : (
                        <input
                          inputMode="decimal"
                          maxLength={8}
                          aria-label={`MoSCoW effort of ${item.label}`}
                          value={row.effort}
                          onChange={(e) => edit(item.key, { effort: e.target.value })}
                        />
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <TableFormSave label="Save MoSCoW" form={table} canSave={items.length > 0} />
      {plan && Object.keys(plan.tags).length > 0 && (
        <MoscowView plan={plan} positions={positions} />
      )}
    </Section>
  )
}
