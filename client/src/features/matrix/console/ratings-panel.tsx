// The 2x2's hidden ratings on the console: settings, the round's steps (open, close, reveal,
// reopen), each participant's progress in counts ("Dana: 7 of 10 rated", never values), then
// the reveal — the matrix of medians and whiskers, each group's medians on demand, group-equal
// or person-equal, split items and stability — and the adoption of the aggregate as the group
// placement.
import { useMemo, useState } from 'react'
import {
  matrixItems,
  noMatrixItems,
  setRoundSettings,
  voteItems,
  matrixRatings,
  type MatrixRatingSettings,
  type MatrixWeighting,
} from '@triage/shared'
import type { ConsolePartProps } from '../../../lib/phase-parts'
import { RoundCard, useRoundSteps } from '../../../rounds/round-card'
import { RoundProgress } from '../../../rounds/round-progress'
import { roundTurnout } from '../../../rounds/progress-lines'
import { useBoardState } from '../../../sync/use-doc-states'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { useAnnounce } from '../../../ui/announcer'
import { Section } from '../../../ui/layout'
import { adoptAggregate, ratingStep } from '../matrix-api'
import { ratedLine, revealRows } from '../matrix-model'
import { RevealChart, RevealLegend, RevealTable } from '../reveal-view'
import { useMatrix } from '../use-matrix'
import { MatrixSettingsForm } from './matrix-settings'

const STEP_LABELS = {
  open: 'Open rating',
  close: 'Close rating',
  reveal: 'Reveal ratings',
  reopen: 'Reopen rating',
}

const STATUS_LINES = {
  setup: 'Rating has not opened yet.',
  open: 'Rating is open: participants rate impact and effort on their phones.',
  closed: 'Rating is closed: the ratings are sealed. Reveal them, or reopen rating.',
  revealed: 'The ratings are revealed.',
} as const

const WEIGHTINGS: readonly { value: MatrixWeighting; label: string }[] = [
  { value: 'groups', label: 'Every group counts equally' },
  { value: 'people', label: 'Every person counts equally' },
]

export function RatingsPanel({ workshopId, token, doc, control, groups }: ConsolePartProps) {
  const { round, result, placement, progress, votes } = useMatrix(doc)
  const boardDoc = useWorkshopDoc(workshopId, 'board', token).doc
  const board = useBoardState(boardDoc)
  const announce = useAnnounce()
  const [weighting, setWeighting] = useState<MatrixWeighting>('groups')
  const [showGroups, setShowGroups] = useState(false)
  const status = round.status
  const settings = status === 'revealed' && result ? result.settings : round.settings
  const items = useMemo(() => matrixItems(settings, board, votes), [settings, board, votes])
  const boardItems = useMemo(() => voteItems(board, 'both'), [board])
  const cannot = noMatrixItems(settings, items, votes !== null)
  const workshopGroups = control.settings?.groups ?? []
  const lockedReason =
    status === 'setup'
      ? null
      : status === 'open'
        ? 'Settings are fixed while rating is open.'
        : status === 'closed'
          ? 'Ratings are sealed with these settings. Reopen rating to change them.'
          : 'The ratings were revealed with these settings.'

  const change = (next: MatrixRatingSettings) => setRoundSettings(doc, matrixRatings.id, next)
  const steps = useRoundSteps(
    (which) => ratingStep(workshopId, token, which, which === 'open' ? settings : undefined),
    'matrix-results-heading',
  )
  const { action } = steps
  const adopt = async () => {
    if (action.pending) return
    const done = await action.run(async () => {
      await adoptAggregate(workshopId, token, weighting)
      return true
    })
    if (done) {
      announce(
        `Adopted as the group placement, ${WEIGHTINGS.find((w) => w.value === weighting)!.label.toLowerCase()}.`,
      )
    }
  }

  const lines = groups.flatMap((g) =>
    g.members.map((m) => {
      const p = progress[m.id]
      const done = p?.done ?? 0
      const of = p?.of ?? items.length
      return {
        id: m.id,
        label: ratedLine(m.name, done, of),
        group: g.name,
        online: m.online,
        none: done === 0,
      }
    }),
  )
  const turnout = roundTurnout(control.roster, (id) => progress[id]?.done ?? 0)
  const rows = result ? revealRows(result, weighting, placement.labels) : []

  return (
    <>
      <RoundCard
        title="Hidden ratings"
        id="matrix-ratings-heading"
        className="card matrix-ratings"
        status={status}
        lines={STATUS_LINES}
        labels={STEP_LABELS}
        steps={steps}
        statusClassName="voting-status"
        blocked={cannot}
        reopenAfterReveal="Reopen rating"
      >
        <MatrixSettingsForm
          settings={settings}
          boardItems={boardItems}
          groups={workshopGroups}
          lockedReason={lockedReason}
          onChange={change}
        />
        {status !== 'revealed' &&
          (cannot ? (
            status !== 'setup' && <p className="hint">{cannot}</p>
          ) : (
            <details className="voting-items">
              <summary>
                {items.length === 1 ? '1 item' : `${items.length} items`}{' '}
                {status === 'setup' ? 'will be rated' : 'being rated'}
              </summary>
              <ul>
                {items.map((i) => (
                  <li key={i.key}>{i.label}</li>
                ))}
              </ul>
            </details>
          ))}
      </RoundCard>
      <RoundProgress
        title="Rating progress"
        id="matrix-progress-heading"
        status={status}
        summary={`${turnout.started} of ${turnout.total} participants have started rating`}
        lines={lines}
      />
      {result && (
        <Section title="2x2 results" id="matrix-results-heading" className="matrix-results">
          <fieldset className="field matrix-weighting">
            <legend>Overall position</legend>
            {WEIGHTINGS.map((w) => (
              <label key={w.value} className="check">
                <input
                  type="radio"
                  name="matrix-weighting"
                  checked={weighting === w.value}
                  onChange={() => setWeighting(w.value)}
                />{' '}
                {w.label}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input
              type="checkbox"
              checked={showGroups}
              onChange={(e) => setShowGroups(e.target.checked)}
            />{' '}
            Show each group’s medians
          </label>
          <p className="hint">
            {result.raters === 1 ? '1 participant' : `${result.raters} participants`} rated.
            Stability: the share of {result.bootstrap.resamples} resamples of the raters in which
            the median stays in its quadrant; – where no group has two raters of the item.
          </p>
          <div className="matrix-reveal-chart">
            <RevealChart
              rows={rows}
              result={result}
              labels={placement.labels}
              showGroups={showGroups}
            />
          </div>
          <RevealLegend groups={result.groups} showGroups={showGroups} />
          <RevealTable rows={rows} labels={placement.labels} showGroups={showGroups} />
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              aria-disabled={action.pending || undefined}
              onClick={() => void adopt()}
            >
              Adopt as the group placement
            </button>
          </div>
          {placement.adoption && (
            <p className="matrix-adopted">
              Adopted at {new Date(placement.adoption.at).toLocaleTimeString()} (
              {WEIGHTINGS.find(
                (w) => w.value === placement.adoption!.weighting,
              )!.label.toLowerCase()}
              ): {Object.keys(placement.adoption.positions).length} items placed.
            </p>
          )}
        </Section>
      )}
    </>
  )
}
