// The 2x2 on the facilitator's console: the group placement at full width (drag, touch or
// keyboard; axis names and quadrant labels editable; items moved by hand after an adoption
// marked), and beside the roster the hidden ratings round with its reveal and adoption.
import { useMemo } from 'react'
import {
  matrixItems,
  matrixRatings,
  movedByHand,
  MATRIX_AXES,
  MATRIX_LABEL_MAX,
  QUADRANTS,
  setMatrixLabel,
  setMatrixPosition,
  type MatrixAxis,
  type Quadrant,
} from '@triage/shared'
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'
import { useBoardState } from '../../../sync/use-doc-states'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { Section } from '../../../ui/layout'
import { placedItems } from '../matrix-model'
import { ImpactSwitch, useImpactSource } from '../impact-switch'
import { PlacementBoard } from '../placement-board'
import { useMatrix } from '../use-matrix'
import { RatingsPanel } from './ratings-panel'
import '../matrix.css'

function Above({ workshopId, token, doc }: ConsolePartProps) {
  const { round, result, placement, votes, weighted } = useMatrix(doc)
  const board = useBoardState(useWorkshopDoc(workshopId, 'board', token).doc)
  // The round's items: as revealed, else as the settings choose them from the board now.
  const items = useMemo(
    () => result?.items ?? matrixItems(round.settings, board, votes),
    [result, round.settings, board, votes],
  )
  const moved = useMemo(
    () =>
      new Set(
        placement.adoption ? movedByHand(placement.positions, placement.adoption.positions) : [],
      ),
    [placement],
  )
  const entries = placedItems(items, placement.positions).map((e) => ({
    ...e,
    moved: moved.has(e.item.key),
  }))
  const movedLabels = entries.filter((e) => e.moved).map((e) => e.item.label)
  const impact = useImpactSource(entries, weighted)
  const byScore = impact.source === 'weighted'
  return (
    <Section title="Impact vs effort" id="matrix-heading" className="matrix-placement">
      <p className="hint">
        Drag items onto the matrix, or focus one and press Enter: the arrow keys move it (Shift for
        bigger steps), Enter drops it, Escape cancels. Every device sees the placement live.
      </p>
      {impact.available && <ImpactSwitch source={impact.source} onChange={impact.setSource} />}
      <PlacementBoard
        items={impact.items}
        labels={placement.labels}
        {...(byScore ? {} : { onMove: (key, point) => setMatrixPosition(doc, key, point) })}
      />
      {placement.adoption && (
        <p className="matrix-moved" aria-live="off">
          {movedLabels.length === 0
            ? 'Every item is where the adopted aggregate put it.'
            : `Moved by hand from the adopted aggregate: ${movedLabels.join(', ')}.`}
        </p>
      )}
      <LabelsForm doc={doc} labels={placement.labels} />
      <p className="muted matrix-round-note">
        {round.status === 'setup'
          ? `${items.length === 1 ? '1 item' : `${items.length} items`} on the matrix.`
          : `Items of the ${matrixRatings.words.name.toLowerCase()} round.`}
      </p>
    </Section>
  )
}

function LabelsForm({
  doc,
  labels,
}: {
  doc: ConsolePartProps['doc']
  labels: ReturnType<typeof useMatrix>['placement']['labels']
}) {
  const field = (which: MatrixAxis | Quadrant, label: string, value: string) => (
    <div className="field" key={which}>
      <label htmlFor={`matrix-label-${which}`}>{label}</label>
      <input
        id={`matrix-label-${which}`}
        type="text"
        maxLength={MATRIX_LABEL_MAX}
        // Written when the field is left: one change per name, not one per key.
        defaultValue={value}
        key={value}
        onBlur={(e) => {
          if (e.target.value.trim() !== value) setMatrixLabel(doc, which, e.target.value)
        }}
      />
    </div>
  )
  return (
    <details className="matrix-labels">
      <summary>Rename the axes and quadrants</summary>
      <p className="hint">An empty name puts the default back.</p>
      <div className="field-row">
        {MATRIX_AXES.map((a) => field(a, `Name of the ${a} axis`, labels.axes[a]))}
      </div>
      <div className="field-row">
        {QUADRANTS.map((q) =>
          field(q, `Label of the ${q.replace('-', ' ')} quadrant`, labels.quadrants[q]),
        )}
      </div>
    </details>
  )
}

function Main(props: ConsolePartProps) {
  return <RatingsPanel {...props} />
}

const matrixConsole: ConsolePart = { Above, Main }
export default matrixConsole
