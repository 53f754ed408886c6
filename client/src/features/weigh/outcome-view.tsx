// The framework's outcome, on the console, the projector and the phones: the ranking table, the
// stacked bar of each criterion's contribution, the ranking each stakeholder group would get
// with its own weights (and scores, when phones scored), and the sensitivity in plain words
// (computed in a Web Worker).
import { useId } from 'react'
import type { FrameworkOutcomeInput, Group, RankedItem } from '@triage/shared'
import { ContributionChart } from './charts/weigh-charts'
import { groupName, ordinal, points } from './outcome-model'
import { useOutcome } from './use-outcome'
import './weigh.css'

export function OutcomeView({
  input,
  groups,
  ownGroup,
  chart = true,
  groupColumns = false,
}: {
  input: FrameworkOutcomeInput
  groups: readonly Group[]
  /** On a phone: the participant's group, listed first. */
  ownGroup?: string
  /** The stacked bar (the phone leaves it out to keep to the point). */
  chart?: boolean
  /**
   * Each group's rank as a column of the one ranking table (the projector: one screen holds
   * it all), rather than a table of its own per group.
   */
  groupColumns?: boolean
}) {
  const outcome = useOutcome(input)
  const labels = new Map(input.items.map((i) => [i.key, i.label]))
  const label = (key: string) => labels.get(key) ?? key
  const groupIds = Object.keys(outcome.groupRankings).sort((a, b) =>
    a === ownGroup ? -1 : b === ownGroup ? 1 : 0,
  )
  // When phones scored, a group is ranked on its own mean scores too: the caption says so.
  const ownScores = (id: string) => input.groups.some((g) => g.id === id && g.scores)
  const sentencesId = useId()
  return (
    <div className="weigh-outcome">
      <div className="weigh-outcome__sentences">
        <h3 id={sentencesId}>
          {input.topN === 1 ? 'How robust first place is' : `How robust the top ${input.topN} is`}
        </h3>
        {outcome.sensitivity === null ? (
          <p className="muted">
            {outcome.error
              ? `The sensitivity could not be computed: ${outcome.error}`
              : 'Working out how robust the ranking is…'}
          </p>
        ) : (
          <ul className="weigh-sentences" aria-labelledby={sentencesId}>
            {outcome.sensitivity.statements.map((s) => (
              <li key={s.item}>{s.sentence}</li>
            ))}
          </ul>
        )}
      </div>
      {groupColumns && groupIds.length > 0 ? (
        <RankingTable
          caption="Ranking, and each group’s rank with its own weights"
          ranking={outcome.ranking}
          label={label}
          groups={groupIds.map((id) => ({
            name: groupName(groups, id),
            rank: new Map((outcome.groupRankings[id] ?? []).map((r) => [r.key, r])),
          }))}
        />
      ) : (
        <RankingTable caption="Ranking" ranking={outcome.ranking} label={label} />
      )}
      {chart && (
        <ContributionChart
          criteria={input.criteria}
          items={outcome.ranking.map((r) => ({
            key: r.key,
            label: label(r.key),
            contributions: r.contributions,
          }))}
        />
      )}
      {!groupColumns && groupIds.length > 0 && (
        <div className="weigh-group-rankings">
          {groupIds.map((id) => (
            <RankingTable
              key={id}
              caption={`Ranking with the ${ownScores(id) ? 'weights and scores' : 'weights'} of ${groupName(groups, id)}${id === ownGroup ? ' (your group)' : ''}`}
              ranking={outcome.groupRankings[id] ?? []}
              label={label}
              compact
            />
          ))}
        </div>
      )}
    </div>
  )
}

function RankingTable({
  caption,
  ranking,
  label,
  compact = false,
  groups = [],
}: {
  caption: string
  ranking: readonly RankedItem[]
  label: (key: string) => string
  compact?: boolean
  /** Columns of each group's own rank and score of the same items. */
  groups?: readonly { name: string; rank: ReadonlyMap<string, RankedItem> }[]
}) {
  return (
    <table className={compact ? 'weigh-table weigh-table--compact' : 'weigh-table'}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Item</th>
          <th scope="col">Score</th>
          {groups.map((g) => (
            <th scope="col" key={g.name}>
              {g.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ranking.map((r) => (
          <tr key={r.key}>
            <td>{ordinal(r.rank)}</td>
            <th scope="row">{label(r.key)}</th>
            <td>{points(r.score)}</td>
            {groups.map((g) => {
              const own = g.rank.get(r.key)
              return (
                <td key={g.name}>{own ? `${ordinal(own.rank)} (${points(own.score)})` : '–'}</td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export default OutcomeView
