// Scoring on the participant's phone, one-handed at 360 px: per item, per criterion, a stepper on
// the criterion's own scale and "Skip / don't know" (which leaves the score out), written only
// into this participant's private document as item → criterion → score, the shape the scores
// round clamps. Nobody else syncs that document; the facilitator sees counts until the reveal.
import { useId, useMemo } from 'react'
import type * as Y from 'yjs'
import {
  clampScores,
  criterionScores,
  matrixItems,
  readRawRoundInput,
  readResults,
  setRoundInputEntry,
  type Criterion,
  type Framework,
  type MatrixRatingSettings,
} from '@triage/shared'
import { useDocSnapshot } from '../../../sync/use-doc-snapshot'
import { useBoardState } from '../../../sync/use-doc-states'
import { useAnnounce } from '../../../ui/announcer'
import { canStep, scaleSteps, stepScore } from '../scores-round-model'

// Module level: the snapshot cache is keyed by the reader function.
const readOwn = (doc: Y.Doc) => readRawRoundInput(doc, criterionScores.id)
const readVotes = (doc: Y.Doc) => readResults(doc)

export function ScoreItems({
  framework,
  settings,
  open,
  controlDoc,
  boardDoc,
  privateDoc,
  offline,
}: {
  framework: Framework
  settings: MatrixRatingSettings
  open: boolean
  controlDoc: Y.Doc
  boardDoc: Y.Doc
  privateDoc: Y.Doc
  offline: boolean
}) {
  const id = useId()
  const announce = useAnnounce()
  const board = useBoardState(boardDoc)
  const votes = useDocSnapshot(controlDoc, readVotes)
  const raw = useDocSnapshot(privateDoc, readOwn)
  const items = useMemo(() => matrixItems(settings, board, votes), [settings, board, votes])
  const criteria = framework.criteria
  const context = { settings, criteria, items, votesRevealed: votes !== null }
  const scores = clampScores(raw, context)
  const done = Object.values(scores).reduce((s, row) => s + Object.keys(row).length, 0)
  const of = items.length * criteria.length

  /** Sets or (null) clears one score, from the document as it is now so quick taps add up. */
  const write = (key: string, c: Criterion, value: number | null) => {
    const now = clampScores(readOwn(privateDoc), context)[key] ?? {}
    const row: Record<string, number> = { ...now }
    if (value === null) delete row[c.id]
    else row[c.id] = value
    setRoundInputEntry(
      privateDoc,
      criterionScores.id,
      key,
      Object.keys(row).length > 0 ? row : null,
    )
  }
  const tap = (key: string, label: string, c: Criterion, delta: number) => {
    const current = clampScores(readOwn(privateDoc), context)[key]?.[c.id]
    const next = stepScore(current, delta, c.scale)
    write(key, c, next)
    announce(`${label}, ${c.name}: ${next}.`)
  }

  /** A step's button (a function, not a component: the buttons keep their focus across taps). */
  const stepButton = (
    key: string,
    label: string,
    c: Criterion,
    value: number | undefined,
    delta: number,
  ) => (
    <button
      key={delta}
      type="button"
      className={delta > 0 ? 'button button--primary' : 'button'}
      aria-label={`${delta > 0 ? 'Raise' : 'Lower'} ${c.name} for ${label}${Math.abs(delta) > 1 ? ` by ${Math.abs(delta)}` : ''}`}
      disabled={!open || !canStep(value, delta, c.scale)}
      onClick={() => tap(key, label, c, delta)}
    >
      <span aria-hidden="true">
        {delta > 0 ? '+' : '−'}
        {Math.abs(delta)}
      </span>
    </button>
  )

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        Score the items
      </h2>
      <p className="muted small">
        Score each item on each criterion’s scale. Only you can see your scores; the facilitator
        reveals the means.
      </p>
      {!open && <p className="vote-notice">Scoring is closed: your scores are sealed.</p>}
      {open && offline && (
        <p className="vote-offline">
          You are offline. Your scores are kept on this phone and count once you are back online, if
          scoring is still open.
        </p>
      )}
      <p className="alloc-left" aria-live="polite">
        {done} of {of} scored
      </p>
      <ul className="score-items" aria-label="Items to score">
        {items.map((item) => (
          <li key={item.key}>
            <fieldset className="score-item">
              <legend className="score-item__label">{item.label}</legend>
              {criteria.map((c) => {
                const value = scores[item.key]?.[c.id]
                const name = `${c.name} for ${item.label}`
                return (
                  <div key={c.id} className="alloc-row">
                    <p className="alloc-row__name">
                      {c.name}{' '}
                      <span className="muted small">
                        ({c.scale.min}–{c.scale.max}
                        {c.direction === 'cost' ? ', a cost' : ''})
                      </span>
                    </p>
                    <div className="alloc-row__controls">
                      {scaleSteps(c.scale)
                        .filter((d) => d < 0)
                        .map((delta) => stepButton(item.key, item.label, c, value, delta))}
                      <span className="alloc-row__points">
                        {value === undefined ? 'not scored' : value}
                      </span>
                      {scaleSteps(c.scale)
                        .filter((d) => d > 0)
                        .map((delta) => stepButton(item.key, item.label, c, value, delta))}
                    </div>
                    <button
                      type="button"
                      className="button score-item__skip"
                      aria-label={`Skip / don’t know: ${name}`}
                      disabled={!open || value === undefined}
                      onClick={() => {
                        write(item.key, c, null)
                        announce(`${item.label}, ${c.name}: skipped.`)
                      }}
                    >
                      Skip / don’t know
                    </button>
                  </div>
                )
              })}
            </fieldset>
          </li>
        ))}
      </ul>
    </section>
  )
}
