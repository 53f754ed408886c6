// One decision on the console, edited live: the rationale is a shared text both facilitators
// write together; conditions, each group's dissent (with the figures that show it), open
// questions, owner and review date are fields written as they are typed. Recording puts the
// decision as it stands into the decision log; withdrawing takes it out.
import { useId, useRef } from 'react'
import type * as Y from 'yjs'
import {
  DECISION_LIMITS,
  decisionRationale,
  setDecisionField,
  type Decision,
  type DecisionField,
  type Group,
  type LogEvent,
  type VoteResults,
} from '@triage/shared'
import {
  decisionChanges,
  describeGroupFigures,
  groupFigures,
  lastRecorded,
  type FrameworkStanding,
} from '@triage/shared/decide'
import { useSharedTextarea } from '../../../board/use-shared-textarea'
import { useAction } from '../../../lib/use-action'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { recordDecision, withdrawDecision } from '../decide-api'

export interface DecisionEditorProps {
  readonly workshopId: string
  readonly token: string
  readonly doc: Y.Doc
  readonly decision: Decision
  readonly groups: readonly Group[]
  readonly log: readonly LogEvent[]
  readonly votes: VoteResults | null
  readonly framework: FrameworkStanding | null
}

/** Whether the log holds this decision, and whether it changed since. */
function recordState(decision: Decision, log: readonly LogEvent[]): string {
  const last = lastRecorded(log, decision.id)
  if (!last) return 'Not recorded in the decision log yet.'
  const changed = decisionChanges(last, decision)
  return changed.length === 0
    ? 'Recorded in the decision log.'
    : `Changed since it was recorded: ${changed.join(', ')}.`
}

export function DecisionEditor(props: DecisionEditorProps) {
  const { workshopId, token, doc, decision, groups, log, votes, framework } = props
  const id = useId()
  const action = useAction()
  const announce = useAnnounce()
  const rationaleRef = useRef<HTMLTextAreaElement>(null)
  useSharedTextarea(rationaleRef, decisionRationale(doc, decision.id))

  const set = <F extends DecisionField>(field: F, value: Decision[F]) => {
    try {
      setDecisionField(doc, decision.id, field, value)
    } catch {
      action.fail(`That ${field} cannot be saved: it is too long or not valid.`)
    }
  }
  const dissentOf = (group: string) => decision.dissent.find((d) => d.group === group)
  const setDissent = (group: string, words: string | null) => {
    const others = decision.dissent.filter((d) => d.group !== group)
    const next = words === null ? others : [...others, { group, words }]
    const order = new Map(groups.map((g, i) => [g.id, i]))
    set(
      'dissent',
      next.sort((a, b) => (order.get(a.group) ?? 99) - (order.get(b.group) ?? 99)),
    )
  }
  const record = async () => {
    if (action.pending) return
    const outcome = await action.run(() => recordDecision(workshopId, token, decision.id))
    if (outcome) {
      announce(
        outcome === 'unchanged'
          ? `Nothing changed since "${decision.title}" was recorded.`
          : `"${decision.title}" ${outcome === 'recorded' ? 'recorded' : 'changes recorded'} in the decision log.`,
      )
    }
  }
  const withdraw = async () => {
    if (action.pending) return
    const done = await action.run(async () => {
      await withdrawDecision(workshopId, token, decision.id)
      return true
    })
    if (done) announce(`"${decision.title}" withdrawn.`)
  }

  return (
    <li className="decision decision-editor">
      <section aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="decision__title">
          {decision.title}
        </h3>
        <p className="hint" id={`${id}-state`}>
          {recordState(decision, log)}
        </p>
        <div className="field">
          <label htmlFor={`${id}-rationale`}>Rationale for {decision.title}</label>
          <textarea
            ref={rationaleRef}
            id={`${id}-rationale`}
            rows={4}
            maxLength={DECISION_LIMITS.rationale}
            aria-describedby={`${id}-rationale-hint`}
            defaultValue={decision.rationale}
          />
          <p className="hint" id={`${id}-rationale-hint`}>
            Written together: every facilitator sees and edits the same text.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-conditions`}>Conditions or mitigations</label>
          <textarea
            id={`${id}-conditions`}
            rows={2}
            maxLength={DECISION_LIMITS.conditions}
            value={decision.conditions}
            onChange={(e) => set('conditions', e.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>Dissent</legend>
          {groups.map((g) => {
            const dissent = dissentOf(g.id)
            const figures = describeGroupFigures(
              groupFigures(decision.item, g.id, { votes, framework }),
            )
            return (
              <div key={g.id} className="dissent-group">
                <div className="field--check">
                  <input
                    id={`${id}-dissent-${g.id}`}
                    type="checkbox"
                    checked={dissent !== undefined}
                    onChange={(e) => setDissent(g.id, e.target.checked ? '' : null)}
                  />
                  <label htmlFor={`${id}-dissent-${g.id}`}>{g.name} disagreed</label>
                </div>
                {dissent !== undefined && (
                  <>
                    <label htmlFor={`${id}-words-${g.id}`}>
                      Dissent of {g.name}, in their words
                    </label>
                    <textarea
                      id={`${id}-words-${g.id}`}
                      rows={2}
                      maxLength={DECISION_LIMITS.dissentWords}
                      value={dissent.words}
                      onChange={(e) => setDissent(g.id, e.target.value)}
                    />
                    <p className="hint figures">{figures}</p>
                  </>
                )}
              </div>
            )
          })}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-questions`}>Open questions</label>
          <textarea
            id={`${id}-questions`}
            rows={2}
            maxLength={DECISION_LIMITS.questions}
            value={decision.questions}
            onChange={(e) => set('questions', e.target.value)}
          />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-owner`}>Owner</label>
            <input
              id={`${id}-owner`}
              type="text"
              maxLength={DECISION_LIMITS.owner}
              value={decision.owner}
              onChange={(e) => set('owner', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-review`}>Review date</label>
            <input
              id={`${id}-review`}
              type="date"
              value={decision.review}
              onChange={(e) => set('review', e.target.value)}
            />
          </div>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={action.pending || undefined}
            aria-describedby={`${id}-state`}
            onClick={() => void record()}
          >
            Record decision: {decision.title}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={action.pending || undefined}
            onClick={() => void withdraw()}
          >
            Withdraw decision: {decision.title}
          </button>
        </div>
        <ErrorAlert message={action.error} />
      </section>
    </li>
  )
}
