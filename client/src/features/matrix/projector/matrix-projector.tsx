// The 2x2 on the projector, filling the screen under its title bar: while rating runs, how
// many have rated (counts only); once revealed, the matrix of medians and whiskers with split
// items as diamonds, each group's medians and every figure in a side list; otherwise the group
// placement as the facilitator drags it, live.
import { useMemo } from 'react'
import { matrixItems, movedByHand, type MatrixResults } from '@triage/shared'
import type { ProjectorPartProps } from '../../../lib/phase-parts'
import { roundTurnout } from '../../../rounds/progress-lines'
import { useBoardState } from '../../../sync/use-doc-states'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { percent, placedItems, revealRows, summaryWords, type RevealRow } from '../matrix-model'
import { ImpactSwitch, useImpactSource } from '../impact-switch'
import { PlacementBoard, type BoardItem } from '../placement-board'
import { RevealChart, RevealLegend } from '../reveal-view'
import { useMatrix } from '../use-matrix'
import '../matrix.css'

const FONT = 22

export default function MatrixProjector({
  workshopId,
  token,
  control,
  controlDoc,
  frame,
}: ProjectorPartProps) {
  const { round, result, placement, progress, votes, weighted } = useMatrix(controlDoc)
  const board = useBoardState(useWorkshopDoc(workshopId, 'board', token).doc)
  const items = useMemo(
    () => matrixItems(round.settings, board, votes),
    [round.settings, board, votes],
  )
  const labels = placement.labels
  const moved = new Set(
    placement.adoption ? movedByHand(placement.positions, placement.adoption.positions) : [],
  )
  const entries: BoardItem[] = placedItems(items, placement.positions).map((e) => ({
    ...e,
    moved: moved.has(e.item.key),
  }))
  // Called on every render, whichever view shows (hooks keep their order).
  const impact = useImpactSource(entries, weighted)

  if (result) {
    const rows = revealRows(result, 'groups', labels)
    return frame({
      fullScreen: (
        <section className="matrix-projector" aria-label="2x2 results">
          <div className="matrix-projector__chart">
            <RevealChart rows={rows} result={result} labels={labels} showGroups fontSize={FONT} />
          </div>
          {/* Focusable: on a small screen with many items the figures scroll within it. */}
          <div className="matrix-projector__side" role="region" aria-label="Figures" tabIndex={0}>
            <RevealLegend groups={result.groups} showGroups />
            <ProjectorRows rows={rows} result={result} labels={labels} />
          </div>
        </section>
      ),
    })
  }

  if (round.status === 'open' || round.status === 'closed') {
    const turnout = roundTurnout(control.roster, (id) => progress[id]?.done ?? 0)
    return frame({
      status: (
        <section className="projector-vote" aria-label="2x2 rating">
          <p className="projector-vote__line">
            {turnout.started} of {turnout.total} participants have started rating
          </p>
          <p className="muted">
            {round.status === 'closed'
              ? 'The ratings are sealed. The results come next.'
              : 'Rate impact and effort on your phone. Nobody sees your ratings until the reveal.'}
          </p>
        </section>
      ),
    })
  }

  return frame({
    fullScreen: (
      <section
        className="matrix-projector matrix-projector--placement"
        aria-label="Impact vs effort"
      >
        {impact.available && <ImpactSwitch source={impact.source} onChange={impact.setSource} />}
        <div className="matrix-projector__chart">
          <PlacementBoard items={impact.items} labels={labels} fontSize={FONT} />
        </div>
      </section>
    ),
  })
}

function ProjectorRows({
  rows,
  result,
  labels,
}: {
  rows: readonly RevealRow[]
  result: MatrixResults
  labels: ReturnType<typeof useMatrix>['placement']['labels']
}) {
  return (
    <ul className="matrix-projector__rows" aria-label="Items">
      {rows.map((row) => (
        <li
          key={row.key}
          className={row.split ? 'matrix-result matrix-result--split' : 'matrix-result'}
        >
          <p className="matrix-result__label">
            {row.split && <span aria-hidden="true">◆ </span>}
            {row.label}
          </p>
          <p>
            {labels.axes.impact} {summaryWords(row.impact)} · {labels.axes.effort}{' '}
            {summaryWords(row.effort)} · n {row.n} ·{' '}
            {row.stability === null ? 'stability not measured' : `${percent(row.stability)} stable`}
          </p>
          {row.split && <p className="matrix-result__split">Split. {row.split}</p>}
          <ul className="matrix-group-lines">
            {row.groups.map((g) => (
              <li key={g.group}>
                {result.groups.findIndex((x) => x.id === g.group) + 1}. {g.words}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}
