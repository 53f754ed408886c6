// The revealed dot-vote results (loaded lazily, with d3): the table with dots per item, per
// stakeholder group and group-normalised, where the normalised ranking differs from the raw
// one, turnout per group, the stacked chart, and in an open vote who put their dots where.
// On a narrow screen each row of a table is a card of its own (results.css); on the projector
// (`top`) the chart of the top items comes first and everything else behind "Show all".
import { useId, useMemo } from 'react'
import { rankedItems, type Group, type VoteResults } from '@triage/shared'
import { dotCount, turnoutLine } from './format'
import { ResultsChart } from './results-chart'
import { ballotRows, groupColumns, mixedKinds, rankChanges, resultRows } from './results-model'
import './results.css'

export default function ResultsView({
  results,
  groups,
  top,
}: {
  results: VoteResults
  groups: readonly Group[]
  /** The projector: a chart of this many top items first, the tables on request. */
  top?: number
}) {
  const id = useId()
  const columns = useMemo(() => groupColumns(results, groups), [results, groups])
  const rows = useMemo(() => resultRows(results, columns), [results, columns])
  const ranked = useMemo(() => rankedItems(results.items, 'total'), [results])
  const changes = useMemo(() => rankChanges(results), [results])
  const ballots = useMemo(() => ballotRows(results, columns), [results, columns])
  const showKind = mixedKinds(results)

  if (results.items.length === 0) {
    return (
      <div className="results">
        <p>There was nothing to vote on when the results were revealed.</p>
      </div>
    )
  }
  const summary = (
    <>
      <p className="results__summary">
        {dotCount(results.totalDots)} from{' '}
        {results.voters === 1 ? '1 participant' : `${results.voters} participants`}
      </p>
      <ul className="results__turnout" aria-label="Who voted, by stakeholder group">
        {results.groups.map((g, i) => (
          <li key={g.id}>{turnoutLine({ ...g, name: columns[i]?.name ?? g.name })}</li>
        ))}
      </ul>
    </>
  )
  const table = (
    <>
      <div
        className="results__scroll"
        role="region"
        aria-labelledby={`${id}-caption`}
        // Scrollable if a screen is too narrow even for the cards, so reachable by keyboard.
        tabIndex={0}
      >
        {/* Roles spelled out: the cards of a narrow screen change the table's display. */}
        <table className="results-table results-table--stack" aria-labelledby={`${id}-caption`}>
          <caption id={`${id}-caption`}>Results</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Item
              </th>
              <th scope="col" role="columnheader" className="num">
                Dots
              </th>
              {columns.map((c) => (
                <th key={c.id} scope="col" role="columnheader" className="num">
                  {c.name}
                </th>
              ))}
              <th scope="col" role="columnheader" className="num">
                Normalised
              </th>
              <th scope="col" role="columnheader">
                Rank
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((row) => (
              <tr key={row.key} role="row">
                <th scope="row" role="rowheader" className="results-table__item">
                  {row.label}
                  {showKind && (
                    <span className="kind-tag">{row.kind === 'cluster' ? 'Cluster' : 'Idea'}</span>
                  )}
                </th>
                <td role="cell" data-label="Dots" className="num results-table__total">
                  {row.total}
                </td>
                {row.byGroup.map((n, i) => (
                  <td
                    key={columns[i]!.id}
                    role="cell"
                    data-label={columns[i]!.name}
                    className="num"
                  >
                    {n}
                  </td>
                ))}
                <td role="cell" data-label="Normalised" className="num">
                  {row.normalized}
                </td>
                <td role="cell" data-label="Rank" className="results-table__rank">
                  {row.rank}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Normalised: each group’s dots are scaled so that every group counts the same, whatever its
        size. An item’s share is the average, over the groups that voted, of the share of that
        group’s dots it got.
      </p>
    </>
  )
  const note = (
    <div className={changes.length > 0 ? 'results__note results__note--differs' : 'results__note'}>
      {changes.length > 0 ? (
        <>
          <p className="results__note-title">
            <span aria-hidden="true">⇅ </span>
            <strong>The group-normalised ranking differs from the raw ranking</strong>
          </p>
          <ul aria-label="Items whose rank changes">
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="results__note-title">
          <span aria-hidden="true">= </span>
          <span>Raw and group-normalised rankings agree</span>
        </p>
      )}
    </div>
  )
  const ballotTable = results.ballots && (
    <div className="results__scroll" role="region" aria-labelledby={`${id}-ballots`} tabIndex={0}>
      <table
        className="results-table results-table--ballots results-table--stack"
        aria-labelledby={`${id}-ballots`}
      >
        <caption id={`${id}-ballots`}>Who voted where</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              Name
            </th>
            <th scope="col" role="columnheader">
              Group
            </th>
            <th scope="col" role="columnheader">
              Dots
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {ballots.map((b, i) => (
            <tr key={`${b.group}-${b.name}-${i}`} role="row">
              <th scope="row" role="rowheader">
                {b.name}
              </th>
              <td role="cell" data-label="Group">
                {b.group}
              </td>
              <td role="cell" data-label="Dots">
                <ul className="results-table__dots">
                  {b.dots.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )

  if (top !== undefined) {
    const shown = ranked.slice(0, top)
    return (
      <div className="results results--projector">
        <div className="results__head">{summary}</div>
        {shown.length < ranked.length && (
          <p className="results__top">
            The top {shown.length} of {ranked.length} items
          </p>
        )}
        <ResultsChart items={shown} groups={columns} />
        <details className="results__more">
          <summary>Show all {ranked.length} items</summary>
          <div className="results__more-body">
            {table}
            {note}
            {ballotTable}
          </div>
        </details>
      </div>
    )
  }
  return (
    <div className="results">
      {summary}
      {table}
      {note}
      <ResultsChart items={ranked} groups={columns} />
      {ballotTable}
    </div>
  )
}
