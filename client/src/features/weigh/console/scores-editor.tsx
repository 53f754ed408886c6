// Consensus scores: the facilitator enters the room's agreed score for each item on each
// criterion (on the criterion's scale), and how many places count as the top, for the ranking.
// The items are the board's candidate items, as the 2x2 and the scores round take them.
import { useState } from 'react'
import type * as Y from 'yjs'
import { MAX_TOP_N, setConsensusScores, type Framework } from '@triage/shared'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { Section } from '../../../ui/layout'
import type { WeighState } from '../weigh-state'
import { formOfScores, parseScoresForm, type ScoresForm } from './scores-model'
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
  const [draft, setDraft] = useState<ScoresForm | null>(null)
  const [error, setError] = useState<string | null>(null)
  const announce = useAnnounce()
  const form = draft ?? formOfScores(state.scores)
  const criteria = framework.criteria

  const setCell = (key: string, criterion: string, text: string) => {
    setDraft({
      ...form,
      cells: { ...form.cells, [key]: { ...form.cells[key], [criterion]: text } },
    })
    setError(null)
  }
  const save = () => {
    const parsed = parseScoresForm(form, items, criteria)
    if (!parsed.ok) {
      setError(parsed.message)
      return
    }
    setConsensusScores(doc, parsed.scores)
    setDraft(null)
    announce('Scores saved.')
  }

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
      <div className="button-row">
        <label className="weigh-field">
          Places in the top (1–{MAX_TOP_N})
          <input
            inputMode="numeric"
            maxLength={2}
            value={form.topN}
            onChange={(e) => {
              setDraft({ ...form, topN: e.target.value })
              setError(null)
            }}
          />
        </label>
        <button
          className="button button--primary"
          type="button"
          disabled={draft === null || items.length === 0}
          onClick={save}
        >
          Save scores
        </button>
      </div>
      <ErrorAlert message={error} />
    </Section>
  )
}
