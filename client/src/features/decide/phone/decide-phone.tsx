// Deciding on the participant's phone: the decisions as the facilitators write them, and while
// consent is open, "I can live with it" or "I object" on each (kept in the participant's own
// document, unseen by anyone until the reveal); once revealed, the counts per group.
import { useId } from 'react'
import type * as Y from 'yjs'
import {
  clampConsent,
  readRawRoundInput,
  setRoundInputEntry,
  consentRound,
  type ConsentAnswer,
  type Decision,
} from '@triage/shared'
import type { PhonePartProps } from '../../../lib/phase-parts'
import { useDocSnapshot } from '../../../sync/use-doc-snapshot'
import { useAnnounce } from '../../../ui/announcer'
import { ConsentTable } from '../consent-table'
import { DecisionView } from '../decision-view'
import { useDecide } from '../use-decide'
import '../decide.css'

const readOwnAnswers = (doc: Y.Doc) => readRawRoundInput(doc, consentRound.id)

const ANSWERS: readonly { value: ConsentAnswer; label: string }[] = [
  { value: 'accept', label: 'I can live with it' },
  { value: 'object', label: 'I object' },
]

function ConsentChoice({
  decision,
  answer,
  onAnswer,
}: {
  decision: Decision
  answer: ConsentAnswer | undefined
  onAnswer: (a: ConsentAnswer) => void
}) {
  const id = useId()
  return (
    <fieldset className="consent-choice">
      <legend>Your answer on {decision.title}</legend>
      {ANSWERS.map((a) => (
        <label key={a.value} htmlFor={`${id}-${a.value}`}>
          <input
            id={`${id}-${a.value}`}
            type="radio"
            name={`${id}-consent`}
            checked={answer === a.value}
            onChange={() => onAnswer(a.value)}
          />
          {a.label}
        </label>
      ))}
    </fieldset>
  )
}

export default function DecidePhone({ control, controlDoc, own }: PhonePartProps) {
  const { decisions, round, consent } = useDecide(controlDoc)
  const raw = useDocSnapshot(own.doc, readOwnAnswers)
  const answers = clampConsent(raw, decisions)
  const announce = useAnnounce()
  const groups = control.settings?.groups ?? []
  const open = round.status === 'open'
  const answer = (d: Decision, a: ConsentAnswer) => {
    setRoundInputEntry(own.doc, consentRound.id, d.id, a)
    announce(`${a === 'accept' ? 'You can live with' : 'You object to'} ${d.title}.`)
  }
  const results = new Map(consent?.decisions.map((c) => [c.decision, c]))
  return (
    <section className="card" aria-labelledby="phone-decisions-heading">
      <h2 id="phone-decisions-heading" className="card__title">
        Decisions
      </h2>
      {open && (
        <p className="muted small">
          Answer each decision. Nobody sees your answer; the results show counts per group only.
        </p>
      )}
      {round.status === 'closed' && (
        <p className="muted small">Answers are sealed. The counts come next.</p>
      )}
      {decisions.length === 0 ? (
        <p className="muted">The facilitators have not recorded a decision yet.</p>
      ) : (
        <ul className="decision-list" aria-label="Decisions">
          {decisions.map((d) => {
            const result = results.get(d.id)
            return (
              <li key={d.id} className="decision">
                <DecisionView decision={d} groups={groups} />
                {open && (
                  <ConsentChoice
                    decision={d}
                    answer={answers[d.id]}
                    onAnswer={(a) => answer(d, a)}
                  />
                )}
                {result && (
                  <ConsentTable
                    consent={result}
                    groups={groups}
                    caption={`Consent to ${d.title}`}
                  />
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
