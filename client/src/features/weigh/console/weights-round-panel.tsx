// The weights round for the facilitator: open, close (which seals), reveal, reopen; progress as
// "proposed" per person (never the points); once revealed, each group's mean proposal, the two
// overall aggregates, the spread per criterion and the consensus with its method named.
import type { ControlState, Framework, WeightProposalsResult } from '@triage/shared'
import { RoundCard, useRoundSteps } from '../../../rounds/round-card'
import { RoundProgress } from '../../../rounds/round-progress'
import { roundProgressLines, roundTurnout } from '../../../rounds/progress-lines'
import type { RoundStatus } from '../../../rounds/round-status'
import { Section } from '../../../ui/layout'
import type { RosterGroup } from '../../../lib/roster-groups'
import { ProposalBars, SpreadChart } from '../charts/weigh-charts'
import { groupName, points } from '../outcome-model'
import { weighApi } from '../weigh-api'
import type { WeighState } from '../weigh-state'

const STEP_LABELS = {
  open: 'Open weighting',
  close: 'Close weighting',
  reveal: 'Reveal weights',
  reopen: 'Reopen weighting',
}

const STATUS_LINES: Record<RoundStatus, string> = {
  setup: 'Weighting has not opened yet.',
  open: 'Weighting is open: participants are sharing 100 points on their phones.',
  closed: 'Weighting is closed: the proposals are sealed. Reveal them, or reopen weighting.',
  revealed: 'The weight proposals are revealed.',
}

/** The consensus figure's method, named (docs/value-framework.md, "Consensus"). */
export const CONSENSUS_METHOD =
  'mean pairwise proportional similarity (Czekanowski’s index on the shares: the share of points two people put in the same places)'

export function WeightsRoundPanel({
  workshopId,
  token,
  control,
  groups,
  state,
}: {
  workshopId: string
  token: string
  control: ControlState
  groups: readonly RosterGroup[]
  state: WeighState
}) {
  const { status, progress, framework, result } = state
  const count = (id: string) => progress[id]?.done ?? 0
  const turnout = roundTurnout(control.roster, count)
  const steps = useRoundSteps(
    (which) => weighApi.roundStep(workshopId, token, 'weights', which),
    'weights-revealed-heading',
  )

  return (
    <>
      <RoundCard
        title="Weight proposals"
        id="weights-round-heading"
        status={status}
        lines={STATUS_LINES}
        labels={STEP_LABELS}
        steps={steps}
        statusClassName="weights-status"
        blocked={framework ? null : 'Save the criteria before weighting opens.'}
      />
      <RoundProgress
        title="Weighting progress"
        id="weights-progress-heading"
        status={status}
        summary={`${turnout.started} of ${turnout.total} participants have started proposing weights`}
        lines={roundProgressLines(groups, count, (name, n) =>
          n > 0 ? `${name}: proposed` : `${name}: not yet`,
        )}
      />
      {result && framework && (
        <RevealedWeights
          result={result}
          framework={framework}
          groupNames={control.settings?.groups ?? []}
        />
      )}
    </>
  )
}

function RevealedWeights({
  result,
  framework,
  groupNames,
}: {
  result: WeightProposalsResult
  framework: Framework
  groupNames: readonly { id: string; name: string }[]
}) {
  const criteria = result.criteria.length > 0 ? result.criteria : framework.criteria
  const series = [
    ...result.groups.map((g) => ({ name: groupName(groupNames, g.group), weights: g.mean })),
    { name: 'Every group equal', weights: result.groupEqual },
    { name: 'Every person equal', weights: result.personEqual },
  ]
  return (
    <Section title="Revealed weights" id="weights-revealed-heading">
      <p className="weigh-consensus">
        {result.n === 1 ? '1 proposal' : `${result.n} proposals`}.{' '}
        {result.consensus === null
          ? 'Consensus needs at least two proposals.'
          : `Consensus ${Math.round(result.consensus * 100)} %`}
      </p>
      <p className="hint">Consensus method: {CONSENSUS_METHOD}. See docs/value-framework.md.</p>
      <div className="weigh-scores">
        <table className="weigh-table">
          <caption>Weight proposals</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {result.groups.map((g) => (
                <th scope="col" key={g.group}>
                  {groupName(groupNames, g.group)} ({g.n})
                </th>
              ))}
              <th scope="col">Every group equal</th>
              <th scope="col">Every person equal</th>
              <th scope="col">Spread (IQR)</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => {
              const s = result.spread[c.id] ?? null
              return (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  {result.groups.map((g) => (
                    <td key={g.group}>{points(g.mean[c.id] ?? 0)}</td>
                  ))}
                  <td>{points(result.groupEqual[c.id] ?? 0)}</td>
                  <td>{points(result.personEqual[c.id] ?? 0)}</td>
                  <td>{s ? `${points(s.min)}–${points(s.max)} (IQR ${points(s.iqr)})` : 'none'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <h3 className="weigh-subhead">Mean proposals</h3>
      <ProposalBars criteria={criteria} series={series} />
      <h3 className="weigh-subhead">Spread of the proposals</h3>
      <SpreadChart criteria={criteria} spread={result.spread} />
    </Section>
  )
}
