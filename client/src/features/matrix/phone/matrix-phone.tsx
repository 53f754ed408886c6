// The 2x2 on the participant's phone, one-handed at 360 px. While rating is open: per item a
// 1–9 scale for each axis this participant's group rates, and "Skip / don't know", written only
// to their private document (nobody else syncs it; it counts if it reaches the server while
// rating is open). Hidden until the reveal; then the items, read-only, grouped by quadrant
// with their medians, spread, each group's medians and why an item is split. Otherwise the
// group placement, as a list by quadrant.
import { useId, useMemo } from 'react'
import type * as Y from 'yjs'
import {
  axesFor,
  clampRatings,
  matrixItems,
  matrixRatings,
  quadrantOf,
  RATING_MAX,
  RATING_MIN,
  ratingProgress,
  readRawRoundInput,
  setRoundInputEntry,
  type CandidateItem,
  type MatrixAxis,
  type MatrixLabels,
  type RatingEntry,
} from '@triage/shared'
import type { PhonePartProps } from '../../../lib/phase-parts'
import { useDocSnapshot } from '../../../sync/use-doc-snapshot'
import { useBoardState } from '../../../sync/use-doc-states'
import { useAnnounce } from '../../../ui/announcer'
import {
  byQuadrant,
  percent,
  placedItems,
  pointWords,
  revealRows,
  summaryWords,
} from '../matrix-model'
import { useMatrix } from '../use-matrix'
import '../matrix.css'

const SCALE = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i)

// Module level: the snapshot cache is keyed by the reader function.
const readOwnRatings = (doc: Y.Doc) => readRawRoundInput(doc, matrixRatings.id)

export default function MatrixPhone({
  participantId,
  control,
  controlDoc,
  own,
  board,
}: PhonePartProps) {
  const { round, result, placement, votes } = useMatrix(controlDoc)
  const boardState = useBoardState(board.doc)
  const raw = useDocSnapshot(own.doc, readOwnRatings)
  const group = control.roster[participantId]?.group ?? ''
  const items = useMemo(
    () => matrixItems(round.settings, boardState, votes),
    [round.settings, boardState, votes],
  )
  const axes = axesFor(round.settings.axes, group)
  const labels = placement.labels

  if (result) {
    const rows = revealRows(result, 'groups', labels)
    return (
      <section className="card matrix-phone" aria-labelledby="matrix-phone-results">
        <h2 id="matrix-phone-results" className="card__title">
          2x2 results
        </h2>
        <p className="hint">
          Medians with the middle half of the ratings in brackets; every group counts equally.
        </p>
        {byQuadrant(rows, (r) => r.quadrant).map(({ quadrant, items: inIt }) => (
          <section key={quadrant ?? 'none'} aria-labelledby={`mq-${quadrant ?? 'none'}`}>
            <h3 id={`mq-${quadrant ?? 'none'}`} className="panel-subtitle">
              {quadrant ? labels.quadrants[quadrant] : 'Not placed'}
            </h3>
            <ul className="matrix-phone__results">
              {inIt.map((row) => (
                <li
                  key={row.key}
                  className={row.split ? 'matrix-result matrix-result--split' : 'matrix-result'}
                >
                  <p className="matrix-result__label">
                    {row.split && <span aria-hidden="true">◆ </span>}
                    {row.label}
                  </p>
                  <p>
                    {labels.axes.impact} {summaryWords(row.impact)}, {labels.axes.effort}{' '}
                    {summaryWords(row.effort)}, n {row.n}, stability{' '}
                    {row.stability === null ? 'not measured' : percent(row.stability)}
                  </p>
                  {row.split && <p className="matrix-result__split">Split. {row.split}</p>}
                  <ul className="matrix-group-lines">
                    {row.groups.map((g) => (
                      <li key={g.group}>{g.words}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    )
  }

  return (
    <>
      {round.status === 'open' && (
        <RatingForm ownDoc={own.doc} raw={raw} items={items} axes={axes} labels={labels} />
      )}
      {round.status === 'closed' && (
        <p className="card matrix-phone__note">
          Rating is closed: your ratings are sealed. Nobody sees them until the facilitator reveals
          the results.
        </p>
      )}
      <PlacementList items={items} positions={placement.positions} labels={labels} />
    </>
  )
}

function RatingForm({
  ownDoc,
  raw,
  items,
  axes,
  labels,
}: {
  ownDoc: Y.Doc
  raw: Record<string, unknown>
  items: readonly CandidateItem[]
  axes: readonly MatrixAxis[]
  labels: MatrixLabels
}) {
  const announce = useAnnounce()
  const ratings = clampRatings(raw, items, axes)
  const { done, of } = ratingProgress(ratings, items, axes)
  if (axes.length === 0) {
    return (
      <p className="card matrix-phone__note">
        Your group does not rate in this round. The results come after the reveal.
      </p>
    )
  }
  const write = (key: string, entry: RatingEntry | null) =>
    setRoundInputEntry(ownDoc, matrixRatings.id, key, entry)
  return (
    <section className="card matrix-phone" aria-labelledby="matrix-rate-heading">
      <h2 id="matrix-rate-heading" className="card__title">
        Rate each item
      </h2>
      <p className="hint">
        1 is low, 9 is high. Only you see your ratings until the facilitator reveals the results.
      </p>
      <p className="matrix-phone__progress" aria-live="polite">
        {done} of {of} rated
      </p>
      <ul className="matrix-phone__items">
        {items.map((item) => {
          const entry = Object.hasOwn(ratings, item.key) ? ratings[item.key] : undefined
          const skipped = entry?.skip === true
          return (
            <li key={item.key}>
              <fieldset className="matrix-rate">
                <legend className="matrix-rate__label">{item.label}</legend>
                {axes.map((axis) => (
                  <Scale
                    key={axis}
                    name={labels.axes[axis]}
                    value={skipped ? undefined : entry?.[axis]}
                    disabled={skipped}
                    onPick={(v) => {
                      const now = entry && !entry.skip ? entry : {}
                      write(item.key, { ...now, [axis]: v })
                      announce(`${item.label}: ${labels.axes[axis]} ${v}.`)
                    }}
                  />
                ))}
                <label className="check matrix-rate__skip">
                  <input
                    type="checkbox"
                    checked={skipped}
                    onChange={(e) => {
                      write(item.key, e.target.checked ? { skip: true } : null)
                      announce(
                        e.target.checked ? `${item.label} skipped.` : `${item.label}: not skipped.`,
                      )
                    }}
                  />{' '}
                  Skip / don’t know
                </label>
              </fieldset>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function Scale({
  name,
  value,
  disabled,
  onPick,
}: {
  name: string
  value: number | undefined
  disabled: boolean
  onPick: (v: number) => void
}) {
  const id = useId()
  return (
    <fieldset className="matrix-scale" role="radiogroup" disabled={disabled}>
      <legend className="matrix-scale__name">{name}</legend>
      <div className="matrix-scale__steps">
        {SCALE.map((v) => (
          <label key={v} className="matrix-scale__step">
            <input
              type="radio"
              name={id}
              value={v}
              checked={value === v}
              onChange={() => onPick(v)}
            />
            <span>{v}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/** The group placement as a list by quadrant (the matrix itself is for the bigger screens). */
function PlacementList({
  items,
  positions,
  labels,
}: {
  items: readonly CandidateItem[]
  positions: Parameters<typeof placedItems>[1]
  labels: MatrixLabels
}) {
  const entries = placedItems(items, positions)
  if (!entries.some((e) => e.point)) return null
  const groups = byQuadrant(entries, (e) => (e.point ? quadrantOf(e.point) : null))
  return (
    <section className="card matrix-phone" aria-labelledby="matrix-placement-heading">
      <h2 id="matrix-placement-heading" className="card__title">
        Group placement
      </h2>
      {groups.map(({ quadrant, items: inIt }) => (
        <section key={quadrant ?? 'none'} aria-labelledby={`mp-${quadrant ?? 'none'}`}>
          <h3 id={`mp-${quadrant ?? 'none'}`} className="panel-subtitle">
            {quadrant ? labels.quadrants[quadrant] : 'Not placed yet'}
          </h3>
          <ul className="matrix-phone__placed">
            {inIt.map((e) => (
              <li key={e.item.key}>
                {e.item.label}
                {e.point && <span className="muted">: {pointWords(e.point, labels)}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
}
