// Choosing what to decide: the top of the framework's ranking (or of the vote) is offered
// pre-ticked while there is no decision yet, and any item on the board can be added.
import { useId, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import {
  addDecision,
  DECISION_LIMITS,
  type BoardState,
  type Decision,
  type VoteResults,
  voteItems,
} from '@triage/shared'
import {
  decisionCandidates,
  defaultDecisionItems,
  type FrameworkStanding,
} from '@triage/shared/decide'
import { newId } from '../../../lib/new-id'
import { useAnnounce } from '../../../ui/announcer'

const BASIS = {
  framework: 'Ranked by the value framework with the adopted weights.',
  votes: 'Ranked by the dot vote (no framework ranking was adopted).',
  none: 'Nothing has been ranked: choose any item.',
} as const

const newDecisionId = () => `d${newId().slice(0, 16)}`

export function DecisionPicker({
  doc,
  board,
  decisions,
  votes,
  framework,
}: {
  doc: Y.Doc
  board: BoardState
  decisions: readonly Decision[]
  votes: VoteResults | null
  framework: FrameworkStanding | null
}) {
  const id = useId()
  const announce = useAnnounce()
  const items = useMemo(() => voteItems(board, 'both'), [board])
  const { basis, candidates } = useMemo(
    () => decisionCandidates({ framework, votes, items }),
    [framework, votes, items],
  )
  const suggested = useMemo(() => defaultDecisionItems(candidates), [candidates])
  const [ticked, setTicked] = useState<ReadonlySet<string> | null>(null)
  const chosen = ticked ?? new Set(suggested.map((c) => c.key))
  const taken = new Set(decisions.map((d) => d.item))
  const open = candidates.filter((c) => !taken.has(c.key))
  const [other, setOther] = useState('')
  const room = DECISION_LIMITS.decisions - decisions.length

  const add = (keys: readonly string[]) => {
    const adding = candidates
      .filter((c) => keys.includes(c.key) && !taken.has(c.key))
      .slice(0, room)
    for (const c of adding) addDecision(doc, { id: newDecisionId(), item: c.key, title: c.label })
    if (adding.length > 0) {
      announce(
        adding.length === 1
          ? `Decision added: ${adding[0]!.label}`
          : `${adding.length} decisions added`,
      )
    }
  }

  return (
    <div className="decision-picker">
      <p className="hint">{BASIS[basis]}</p>
      {decisions.length === 0 && suggested.length > 0 && (
        <fieldset className="choices">
          <legend>Suggested decisions</legend>
          {suggested.map((c) => (
            <div key={c.key} className="field--check">
              <input
                id={`${id}-s-${c.key}`}
                type="checkbox"
                checked={chosen.has(c.key)}
                onChange={(e) => {
                  const next = new Set(chosen)
                  if (e.target.checked) next.add(c.key)
                  else next.delete(c.key)
                  setTicked(next)
                }}
              />
              <label htmlFor={`${id}-s-${c.key}`}>
                {c.rank === null ? '' : `${c.rank}. `}
                {c.label}
              </label>
            </div>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => add([...chosen])}
            >
              Add the ticked decisions
            </button>
          </div>
        </fieldset>
      )}
      {room > 0 && open.length > 0 && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-other`}>Item to decide on</label>
            <select id={`${id}-other`} value={other} onChange={(e) => setOther(e.target.value)}>
              <option value="">Choose an item…</option>
              {open.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.rank === null ? c.label : `${c.rank}. ${c.label}`}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                if (other) add([other])
                setOther('')
              }}
            >
              Add decision
            </button>
          </div>
        </div>
      )}
      {room <= 0 && <p className="hint">At most {DECISION_LIMITS.decisions} decisions.</p>}
    </div>
  )
}
