// Consensus scores: the facilitator enters the room's agreed score for each item on each
// criterion (on the criterion's scale), and how many places count as the top, for the ranking.
// The items are the board's candidate items, as the 2x2 and the scores round take them.
import type * as Y from 'yjs'
import { MAX_TOP_N, setConsensusScores, type Framework } from '@triage/shared'
import { Section } from '../../../ui/layout'
import type { WeighState } from '../weigh-state'
import { formOfScores, parseScoresForm, type ScoresForm } from './scores-model'
import { TableFormSave, useTableForm } from './table-form'
import { useCandidateItems } from './use-candidate-items'

export function ScoresEditor({
  workshopId,
  token,
  doc,
  framework,
  state,
}: {
  workshopId: string
  token: string
  doc: Y.Doc
  framework: Framework
  state: WeighState
}) {
  const items = useCandidateItems(workshopId, token)
  const criteria = framework.criteria
  const table = useTableForm({
    saved: () => formOfScores(state.scores),
    commit: (form: ScoresForm) => {
      const parsed = parseScoresForm(form, items, criteria)
      if (!parsed.ok) return parsed.message
      setConsensusScores(doc, parsed.scores)
      return null
    },
    done: 'Scores saved.',
  })
  const { form, change } = table
  const setCell = (key: string, criterion: string, text: string) =>
    change({ ...form, cells: { ...form.cells, [key]: { ...form.cells[key], [criterion]: text } } })

  return (
    <Section title="Scores" id="weigh-scores-heading">
      <p className="hint">
        The room’s agreed score for each item on each criterion. A score left empty counts as the
        worst end of its scale.
      </p>
      {items.length === 0 ? (
        <p className="muted">There are no items on the board to score yet.</p>
      ) : (
        <div className="weigh-scores">
          <table className="weigh-table">
            <caption>Consensus scores</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                {criteria.map((c) => (
                  <th scope="col" key={c.id}>
                    {c.name} ({c.scale.min}–{c.scale.max}
                    {c.direction === 'cost' ? ', a cost' : ''})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.key}>
                  <th scope="row">{item.label}</th>
                  {criteria.map((c) => (
                    <td key={c.id}>
                      <input
                        inputMode="numeric"
                        maxLength={5}
                        aria-label={`Score of ${item.label} on ${c.name}`}
                        value={form.cells[item.key]?.[c.id] ?? ''}
                        onChange={(e) => setCell(item.key, c.id, e.target.value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TableFormSave label="Save scores" form={table} canSave={items.length > 0}>
        <label className="weigh-field">
          Places in the top (1–{MAX_TOP_N})
          <input
            inputMode="numeric"
            maxLength={2}
            value={form.topN}
            onChange={(e) => change({ ...form, topN: e.target.value })}
          />
        </label>
      </TableFormSave>
    </Section>
  )
}
