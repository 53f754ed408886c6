// The revealed 2x2 ratings, for the console and the projector: the matrix with each item's
// median and interquartile whiskers (split items as diamonds), each group's medians on demand,
// and every figure as text in a table: medians with quartiles, n, quadrant, stability, and why
// an item is split in plain words.
import type { MatrixLabels, MatrixResults } from '@triage/shared'
import { MatrixSvg, RevealMarks } from './matrix-chart'
import { percent, summaryWords, type RevealRow } from './matrix-model'

export function RevealLegend({
  groups,
  showGroups,
}: {
  groups: MatrixResults['groups']
  showGroups: boolean
}) {
  return (
    <ul className="matrix-legend" aria-label="Key">
      <li>
        <span aria-hidden="true" className="matrix-legend__mark">
          ●
        </span>{' '}
        Median, with lines from the lower to the upper quartile
      </li>
      <li>
        <span aria-hidden="true" className="matrix-legend__mark matrix-legend__mark--split">
          ◆
        </span>{' '}
        Split opinion
      </li>
      {showGroups &&
        groups.map((g, i) => (
          <li key={g.id}>
            <span aria-hidden="true" className="matrix-legend__group">
              {i + 1}
            </span>{' '}
            {g.name}
          </li>
        ))}
    </ul>
  )
}

export function RevealChart({
  rows,
  result,
  labels,
  showGroups,
  fontSize,
}: {
  rows: readonly RevealRow[]
  result: MatrixResults
  labels: MatrixLabels
  showGroups: boolean
  fontSize?: number
}) {
  return (
    <MatrixSvg
      labels={labels}
      name="Revealed ratings on the matrix"
      {...(fontSize && { fontSize })}
    >
      <RevealMarks
        rows={rows}
        showGroups={showGroups}
        groupOrder={result.groups.map((g) => g.id)}
        {...(fontSize && { fontSize })}
      />
    </MatrixSvg>
  )
}

export function RevealTable({
  rows,
  labels,
  showGroups,
}: {
  rows: readonly RevealRow[]
  labels: MatrixLabels
  showGroups: boolean
}) {
  return (
    <div className="table-wrap">
      <table className="matrix-table">
        <caption>2x2 results</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">{labels.axes.impact}</th>
            <th scope="col">{labels.axes.effort}</th>
            <th scope="col">n</th>
            <th scope="col">Quadrant</th>
            <th scope="col">Stability</th>
            <th scope="col">Split</th>
            {showGroups && <th scope="col">By group</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{summaryWords(row.impact)}</td>
              <td>{summaryWords(row.effort)}</td>
              <td>
                {row.n}
                {row.skipped > 0 && <span className="muted"> ({row.skipped} skipped)</span>}
              </td>
              <td>{row.quadrant ? labels.quadrants[row.quadrant] : 'Not placed'}</td>
              <td>{percent(row.stability)}</td>
              <td>{row.split ? `◆ Split. ${row.split}` : 'No'}</td>
              {showGroups && (
                <td>
                  <ul className="matrix-group-lines">
                    {row.groups.map((g) => (
                      <li key={g.group}>{g.words}</li>
                    ))}
                  </ul>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
