// The revealed dot-vote results (loaded lazily, with d3): the table with dots per item, per
// stakeholder group and group-normalised, where the normalised ranking differs from the raw
// one, turnout per group, the stacked chart, and in an open vote who put their dots where.
import { useId, useMemo } from 'react'
import { rankedItems, type Group, type VoteResults } from '@triage/shared'
import { dotCount, turnoutLine } from './format'
import { ResultsChart } from './results-chart'
import { ballotRows, groupColumns, mixedKinds, rankChanges, resultRows } from './results-model'
import './results.css'

export default function ResultsView({
  results,
  groups,
}: {
  results: VoteResults
  groups: readonly Group[]
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
  return (
    <div className="results">
      <p className="results__summary">
        {dotCount(results.totalDots)} from{' '}
        {results.voters === 1 ? '1 participant' : `${results.voters} participants`}
      </p>
      <ul className="results__turnout" aria-label="Who voted, by stakeholder group">
        {results.groups.map((g, i) => (
          <li key={g.id}>{turnoutLine({ ...g, name: columns[i]?.name ?? g.name })}</li>
        ))}
      </ul>

      <div
        className="results__scroll"
        role="region"
        aria-labelledby={`${id}-caption`}
        // Scrollable on a narrow phone, so it must be reachable by keyboard.
        tabIndex={0}
      >
        <table className="results-table">
          <caption id={`${id}-caption`}>Results</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Dots
              </th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className="num">
                  {c.name}
                </th>
              ))}
              <th scope="col" className="num">
                Normalised
              </th>
              <th scope="col">Rank</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="results-table__item">
                  {row.label}
                  {showKind && (
                    <span className="kind-tag">{row.kind === 'cluster' ? 'Cluster' : 'Idea'}</span>
                  )}
                </th>
                <td className="num results-table__total">{row.total}</td>
                {row.byGroup.map((n, i) => (
                  <td key={columns[i]!.id} className="num">
                    {n}
                  </td>
                ))}
                <td className="num">{row.normalized}</td>
                <td className="results-table__rank">{row.rank}</td>
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

      <div
        className={changes.length > 0 ? 'results__note results__note--differs' : 'results__note'}
      >
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

      <ResultsChart items={ranked} groups={columns} />

      {results.ballots && (
        <div
          className="results__scroll"
          role="region"
          aria-labelledby={`${id}-ballots`}
          tabIndex={0}
        >
          <table className="results-table results-table--ballots">
            <caption id={`${id}-ballots`}>Who voted where</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Group</th>
                <th scope="col">Dots</th>
              </tr>
            </thead>
            <tbody>
              {ballots.map((b, i) => (
                <tr key={`${b.group}-${b.name}-${i}`}>
                  <th scope="row">{b.name}</th>
                  <td>{b.group}</td>
                  <td>
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
      )}
    </div>
  )
}
