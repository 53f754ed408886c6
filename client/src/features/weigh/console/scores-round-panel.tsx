// The scores round for the facilitator: which items phones score (all, the dot vote's top N, or
// hand-picked, with the 2x2's chooser from the rounds kit), open, close (which seals), reveal,
// reopen; progress as "Dana: 7 of 10 scored" (never values);
// once revealed, the mean per item and criterion with how many scored it and the spread, and
// each group's means. Revealed phone scores are what the ranking uses (outcome-model.ts).
import { useMemo } from 'react'
import type * as Y from 'yjs'
import {
  criterionScores,
  matrixItems,
  noMatrixItems,
  readResults,
  setRoundSettings,
  voteItems,
  type ControlState,
  type CriterionScoresResult,
  type MatrixRatingSettings,
} from '@triage/shared'
import type { RosterGroup } from '../../../lib/roster-groups'
import { ItemChooser } from '../../../rounds/item-chooser'
import { RoundCard, useRoundSteps } from '../../../rounds/round-card'
import { RoundProgress } from '../../../rounds/round-progress'
import { roundProgressLines, roundTurnout } from '../../../rounds/progress-lines'
import type { RoundStatus } from '../../../rounds/round-status'
import { useDocSnapshot } from '../../../sync/use-doc-snapshot'
import { useBoardState } from '../../../sync/use-doc-states'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { Section } from '../../../ui/layout'
import { groupName } from '../outcome-model'
import { cellWords, scoredLine } from '../scores-round-model'
import { weighApi } from '../weigh-api'
import type { WeighState } from '../weigh-state'

const STEP_LABELS = {
  open: 'Open scoring',
  close: 'Close scoring',
  reveal: 'Reveal scores',
  reopen: 'Reopen scoring',
}

const STATUS_LINES: Record<RoundStatus, string> = {
  setup:
    'Phone scoring has not opened. Until phone scores are revealed, the ranking uses the consensus scores.',
  open: 'Scoring is open: participants score the items on their phones.',
  closed: 'Scoring is closed: the scores are sealed. Reveal them, or reopen scoring.',
  revealed:
    'The phone scores are revealed, and the ranking uses them. Reopen scoring to go back to the consensus scores.',
}

// Module level: the snapshot cache is keyed by the reader function.
const readVotes = (doc: Y.Doc) => readResults(doc)

export function ScoresRoundPanel({
  workshopId,
  token,
  doc,
  control,
  groups,
  state,
}: {
  workshopId: string
  token: string
  doc: Y.Doc
  control: ControlState
  groups: readonly RosterGroup[]
  state: WeighState
}) {
  const boardDoc = useWorkshopDoc(workshopId, 'board', token).doc
  const board = useBoardState(boardDoc)
  const votes = useDocSnapshot(doc, readVotes)
  const { framework } = state
  const { status, settings, progress, result } = state.scoresRound
  const items = useMemo(() => matrixItems(settings, board, votes), [settings, board, votes])
  const boardItems = useMemo(() => voteItems(board, 'both'), [board])
  const cells = items.length * (framework?.criteria.length ?? 0)
  const cannot = !framework
    ? 'Save the criteria before scoring opens.'
    : items.length === 0 && settings.select === 'picked'
      ? 'Pick at least one item to score.'
      : noMatrixItems(settings, items, votes !== null)
  const count = (id: string) => progress[id]?.done ?? 0
  const turnout = roundTurnout(control.roster, count)

  const change = (next: MatrixRatingSettings) => setRoundSettings(doc, criterionScores.id, next)
  const steps = useRoundSteps(
    (which) =>
      weighApi.roundStep(workshopId, token, criterionScores.id, which, {
        ...(which === 'open' ? { settings } : {}),
      }),
    'scores-revealed-heading',
  )

  return (
    <>
      <RoundCard
        title="Scores from phones"
        id="scores-round-heading"
        status={status}
        lines={STATUS_LINES}
        labels={STEP_LABELS}
        steps={steps}
        statusClassName="weights-status"
        blocked={cannot}
        reopenAfterReveal="Reopen scoring"
      >
        <ItemChooser
          legend="Items to score"
          settings={settings}
          boardItems={boardItems}
          disabled={status !== 'setup'}
          onChange={change}
        />
        {status !== 'revealed' && !(status === 'setup' && cannot) && (
          <p className="hint">
            {items.length === 1 ? '1 item' : `${items.length} items`} on{' '}
            {framework?.criteria.length} criteria: {cells} scores per participant.
          </p>
        )}
      </RoundCard>
      <RoundProgress
        title="Scoring progress"
        id="scores-progress-heading"
        status={status}
        summary={`${turnout.started} of ${turnout.total} participants have started scoring`}
        lines={roundProgressLines(groups, count, (name, n) => scoredLine(name, n, cells))}
      />
      {result && <RevealedScores result={result} groupNames={control.settings?.groups ?? []} />}
    </>
  )
}

/** The revealed means: overall per person with count and spread, then each group's means. */
export function RevealedScores({
  result,
  groupNames,
}: {
  result: CriterionScoresResult
  groupNames: readonly { id: string; name: string }[]
}) {
  return (
    <Section title="Revealed scores" id="scores-revealed-heading">
      <p className="hint">
        {result.raters === 1 ? '1 participant' : `${result.raters} participants`} scored. Each cell:
        the mean over everyone who scored it, how many did (n) and the interquartile range.
      </p>
      <ScoreTable
        caption="Mean scores, every person equal"
        result={result}
        cell={(item, c) => cellWords(result.people[item]?.[c], result.cells[item]?.[c])}
      />
      <ScoreTable
        caption="Mean scores, every group equal"
        result={result}
        cell={(item, c) => round2(result.groupEqual[item]?.[c])}
      />
      {result.groups.map((g) => (
        <ScoreTable
          key={g.group}
          caption={`${groupName(groupNames, g.group)} (${g.raters})`}
          result={result}
          cell={(item, c) => round2(g.scores[item]?.[c])}
        />
      ))}
    </Section>
  )
}

const round2 = (v: number | undefined) =>
  v === undefined ? 'none' : String(Math.round(v * 100) / 100)

function ScoreTable({
  caption,
  result,
  cell,
}: {
  caption: string
  result: CriterionScoresResult
  cell: (item: string, criterion: string) => string
}) {
  return (
    <div className="weigh-scores">
      <table className="weigh-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            {result.criteria.map((c) => (
              <th scope="col" key={c.id}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.items.map((item) => (
            <tr key={item.key}>
              <th scope="row">{item.label}</th>
              {result.criteria.map((c) => (
                <td key={c.id}>{cell(item.key, c.id)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
