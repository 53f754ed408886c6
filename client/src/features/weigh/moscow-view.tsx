// The MoSCoW step's outcome on the console and the projector: the items and effort in each
// category, the Musts' share of the planned effort, and the warning (in words, not only colour)
// when Musts take more than about 60 % of it (shared moscow.ts).
import {
  MOSCOW_CATEGORIES,
  MOSCOW_LABELS,
  moscowPlanItems,
  moscowSummary,
  type MatrixPoint,
  type MoscowPlan,
} from '@triage/shared'
import { points } from './outcome-model'
import './weigh.css'

export function MoscowView({
  plan,
  positions,
}: {
  plan: MoscowPlan
  positions: Readonly<Record<string, MatrixPoint>>
}) {
  const { items, withoutEffort } = moscowPlanItems(plan, positions)
  const summary = moscowSummary(items)
  const labels = new Map(plan.items.map((i) => [i.key, i.label]))
  const label = (key: string) => labels.get(key) ?? key
  const planned = summary.effort.must + summary.effort.should + summary.effort.could
  const unit = plan.effortFrom === 'matrix' ? 'Effort (2x2, 1–9)' : 'Effort'
  return (
    <div className="weigh-moscow">
      <table className="weigh-table">
        <caption>MoSCoW</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Items</th>
            <th scope="col">{unit}</th>
            <th scope="col">Share of planned effort</th>
          </tr>
        </thead>
        <tbody>
          {MOSCOW_CATEGORIES.map((c) => (
            <tr key={c}>
              <th scope="row">{MOSCOW_LABELS[c]}</th>
              <td>
                {items
                  .filter((i) => i.category === c)
                  .map((i) => label(i.key))
                  .join(', ') || '–'}
              </td>
              <td>{points(summary.effort[c])}</td>
              <td>
                {c === 'wont'
                  ? 'not planned'
                  : planned > 0
                    ? `${Math.round((summary.effort[c] / planned) * 100)} %`
                    : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.warning && summary.message ? (
        <p className="weigh-warning">
          <strong>Warning:</strong> {summary.message}.
        </p>
      ) : (
        <p>
          {summary.mustShare === null
            ? 'No planned effort yet: tag items Must, Should or Could with an effort.'
            : `Musts take ${Math.round(summary.mustShare * 100)} % of the planned effort, within about 60 %.`}
        </p>
      )}
      {withoutEffort.length > 0 && (
        <p className="hint">
          Without an effort {plan.effortFrom === 'matrix' ? 'on the 2x2' : 'estimate'} (counted as
          0): {withoutEffort.map(label).join(', ')}.
        </p>
      )}
    </div>
  )
}
