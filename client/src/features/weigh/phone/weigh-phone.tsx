// Weighting on the participant's phone: share 100 points over the criteria with steppers that
// take from and give back to the points left (always in view), written only into this
// participant's private document; once revealed, their own proposal beside the adopted weights,
// and the ranking overall and with their group's weights, with how robust it is. While the
// scores round is open (or sealed), the items to score come first.
import { useId } from 'react'
import type * as Y from 'yjs'
import {
  readAllocation,
  readRawRoundInput,
  setRoundInputEntry,
  stepAllocation,
  stepRoom,
  type Framework,
} from '@triage/shared'
import type { PhonePartProps } from '../../../lib/phase-parts'
import { useDocSnapshot } from '../../../sync/use-doc-snapshot'
import { useAnnounce } from '../../../ui/announcer'
import { moveFocus } from '../../../ui/focus'
import { LazyOutcome } from '../lazy-outcome'
import { outcomeInput, points } from '../outcome-model'
import { useWeigh } from '../weigh-state'
import { ScoreItems } from './score-items'
import '../weigh.css'

const KIND = 'weights'
const readOwn = (doc: Y.Doc) => readRawRoundInput(doc, KIND)
const STEPS = [-5, -1, 1, 5] as const

const pointWords = (n: number) => (n === 1 ? '1 point' : `${n} points`)

export default function WeighPhone({
  participantId,
  control,
  controlDoc,
  own,
  board,
}: PhonePartProps) {
  const state = useWeigh(controlDoc)
  const raw = useDocSnapshot(own.doc, readOwn)
  const { framework, status } = state
  const group = control.roster[participantId]?.group
  const outcome = outcomeInput(state)
  const headingId = useId()

  if (!framework) {
    return <p className="muted">The facilitator is setting up the criteria.</p>
  }
  const ids = framework.criteria.map((c) => c.id)
  const allocation = readAllocation(raw, ids)
  const scoring = state.scoresRound.status
  const scores = (scoring === 'open' || scoring === 'closed') && (
    <ScoreItems
      framework={framework}
      settings={state.scoresRound.settings}
      open={scoring === 'open'}
      controlDoc={controlDoc}
      boardDoc={board.doc}
      privateDoc={own.doc}
      offline={own.state.kind === 'offline'}
    />
  )

  if (status === 'revealed') {
    return (
      <>
        {scores}
        <section className="card" aria-labelledby={headingId}>
          <h2 id={headingId} className="card__title">
            Your weights
          </h2>
          {/* Scrolls on its own rather than widening the page when the text is large. */}
          <div
            className="weigh-scores"
            role="region"
            aria-labelledby={`${headingId}-weights`}
            tabIndex={0}
          >
            <table className="weigh-table">
              <caption id={`${headingId}-weights`}>Your proposal and the adopted weights</caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Yours</th>
                  <th scope="col">Adopted</th>
                </tr>
              </thead>
              <tbody>
                {framework.criteria.map((c, i) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{allocation.points[i]}</td>
                    <td>{state.adopted ? points(state.adopted.weights[c.id] ?? 0) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!state.adopted && <p className="muted">The facilitator has not adopted weights yet.</p>}
        </section>
        <section className="card" aria-labelledby={`${headingId}-ranking`}>
          <h2 id={`${headingId}-ranking`} className="card__title">
            Weighted ranking
          </h2>
          {outcome.ok ? (
            <LazyOutcome
              input={outcome.input}
              groups={control.settings?.groups ?? []}
              {...(group ? { ownGroup: group } : {})}
              chart={false}
            />
          ) : (
            <p className="muted">{outcome.missing}</p>
          )}
        </section>
      </>
    )
  }

  return (
    <>
      {scores}
      <Allocate
        framework={framework}
        privateDoc={own.doc}
        open={status === 'open'}
        notice={
          status === 'setup'
            ? 'Weighting has not opened yet.'
            : status === 'closed'
              ? 'Weighting is closed: your proposal is sealed.'
              : null
        }
        offline={own.state.kind === 'offline'}
      />
    </>
  )
}

function Allocate({
  framework,
  privateDoc,
  open,
  notice,
  offline,
}: {
  framework: Framework
  privateDoc: Y.Doc
  open: boolean
  notice: string | null
  offline: boolean
}) {
  const id = useId()
  const announce = useAnnounce()
  const raw = useDocSnapshot(privateDoc, readOwn)
  const ids = framework.criteria.map((c) => c.id)
  const allocation = readAllocation(raw, ids)

  const write = (next: ReturnType<typeof readAllocation>) =>
    privateDoc.transact(() => {
      ids.forEach((cid, i) => setRoundInputEntry(privateDoc, KIND, cid, next.points[i] ?? 0))
    })
  const tap = (index: number, delta: number, row: Element | null) => {
    // From the document as it is now, so quick taps cannot pass 100.
    const now = readAllocation(readOwn(privateDoc), ids)
    const next = stepAllocation(now, index, delta)
    if (next === now) return
    const from = document.activeElement
    write(next)
    // The step just taken may have disabled its own button: the focus stays in the row.
    if (stepRoom(next, index, delta) === 0) {
      moveFocus(() => row?.querySelector('button:not(:disabled)'), from)
    }
    announce(
      `${framework.criteria[index]!.name}: ${pointWords(next.points[index] ?? 0)}. ${pointWords(next.remainder)} left.`,
    )
  }
  const startFrom = () => {
    const from = document.activeElement
    write(readAllocation(framework.startingWeights, ids))
    // The button goes away with the empty allocation: the focus goes to the first criterion.
    moveFocus(() => document.querySelector('.alloc-row button:not(:disabled)'), from)
    announce('Starting weights filled in.')
  }

  /** A step's button (a function, not a component: the buttons keep their focus across taps). */
  const stepButton = (delta: number, index: number) => {
    const name = framework.criteria[index]!.name
    return (
      <button
        key={delta}
        className={delta > 0 ? 'button button--primary' : 'button'}
        type="button"
        aria-label={
          delta > 0
            ? `Add ${pointWords(delta)} to ${name}`
            : `Take ${pointWords(-delta)} from ${name}`
        }
        disabled={!open || stepRoom(allocation, index, delta) === 0}
        onClick={(e) => tap(index, delta, e.currentTarget.closest('li'))}
      >
        <span aria-hidden="true">
          {delta > 0 ? '+' : '−'}
          {Math.abs(delta)}
        </span>
      </button>
    )
  }

  return (
    <>
      <section className="card" aria-labelledby={id}>
        <h2 id={id} className="card__title">
          Your weights
        </h2>
        <p className="muted small">
          Share 100 points over the criteria: more points, more weight. Only you can see your
          points; the facilitator reveals the groups’ means.
        </p>
        {notice && <p className="vote-notice">{notice}</p>}
        {open && offline && (
          <p className="vote-offline">
            You are offline. Your points are kept on this phone and count once you are back online,
            if weighting is still open.
          </p>
        )}
        {open && allocation.remainder === 100 && (
          <div className="button-row">
            <button className="button" type="button" onClick={startFrom}>
              Start from the suggested weights
            </button>
          </div>
        )}
        <ul className="alloc-list" aria-label="Criteria to weigh">
          {framework.criteria.map((c, i) => (
            <li key={c.id} className="alloc-row">
              <p className="alloc-row__name">
                {c.name}
                {c.direction === 'cost' ? ' (a cost)' : ''}
              </p>
              {c.description && <p className="muted small">{c.description}</p>}
              <div className="alloc-row__controls">
                {STEPS.slice(0, 2).map((delta) => stepButton(delta, i))}
                <span className="alloc-row__points">{pointWords(allocation.points[i] ?? 0)}</span>
                {STEPS.slice(2).map((delta) => stepButton(delta, i))}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <p className="alloc-left">
        {allocation.remainder === 0
          ? 'All 100 points shared'
          : `${allocation.remainder} of 100 points left to share`}
      </p>
    </>
  )
}
