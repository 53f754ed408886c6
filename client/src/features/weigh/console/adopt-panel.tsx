// Adopting the weights: the facilitator starts from the overall aggregate of their choice (every
// group equal or every person equal), adjusts the points, and adopts them through the server,
// which records and logs them with the proposals they came from.
import { useId, useState } from 'react'
import {
  largestRemainder,
  type AggregationBasis,
  type Framework,
  type WeightProposalsResult,
  type Weights,
} from '@triage/shared'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { Section } from '../../../ui/layout'
import { useAction } from '../../../lib/use-action'
import { weightsLine } from '../outcome-model'
import { weighApi } from '../weigh-api'
import type { WeighState } from '../weigh-state'

/** The starting points for the adopt form: the chosen aggregate as 100 whole points. */
export function adoptStart(
  framework: Framework,
  result: WeightProposalsResult | null,
  basis: AggregationBasis,
): Record<string, string> {
  const source: Weights =
    result && result.n > 0
      ? basis === 'groups'
        ? result.groupEqual
        : result.personEqual
      : framework.startingWeights
  const ids = framework.criteria.map((c) => c.id)
  const shared = largestRemainder(ids.map((id) => source[id] ?? 0))
  return Object.fromEntries(ids.map((id, i) => [id, String(shared[i] ?? 0)]))
}

export function AdoptPanel({
  workshopId,
  token,
  state,
}: {
  workshopId: string
  token: string
  state: WeighState
}) {
  const { framework, result, adopted } = state
  const [basis, setBasis] = useState<AggregationBasis>(adopted?.basis ?? 'groups')
  const [draft, setDraft] = useState<Record<string, string> | null>(null)
  const action = useAction()
  const announce = useAnnounce()
  const basisName = useId()
  if (!framework) return null
  // Once adopted, the form shows the adopted weights; choosing a basis starts from its aggregate.
  const form =
    draft ??
    (adopted
      ? Object.fromEntries(
          framework.criteria.map((c) => [c.id, String(adopted.weights[c.id] ?? 0)]),
        )
      : adoptStart(framework, result, basis))
  const values = framework.criteria.map((c) => Number(form[c.id] ?? '0'))
  const valid = values.every((v) => Number.isInteger(v) && v >= 0 && v <= 100)
  const sum = values.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0)

  const adopt = async () => {
    if (!valid || sum <= 0) {
      action.fail('Give each criterion whole points from 0 to 100, at least one above 0.')
      return
    }
    const weights = Object.fromEntries(framework.criteria.map((c, i) => [c.id, values[i]!]))
    const done = await action.run(async () => {
      await weighApi.adopt(workshopId, token, weights, basis)
      return true
    })
    if (done) {
      setDraft(null)
      announce('Weights adopted.')
    }
  }

  return (
    <Section title="Adopt weights" id="weigh-adopt-heading">
      {adopted && (
        <p className="weigh-adopted">
          Adopted weights: {weightsLine(framework.criteria, adopted.weights)} (
          {adopted.basis === 'groups'
            ? 'every group counted equally'
            : 'every person counted equally'}
          ).
        </p>
      )}
      <fieldset className="weigh-fieldset">
        <legend>Start from</legend>
        {(['groups', 'people'] as const).map((b) => (
          <label key={b} className="radio">
            <input
              type="radio"
              name={basisName}
              checked={basis === b}
              onChange={() => {
                setBasis(b)
                setDraft(adoptStart(framework, result, b))
              }}
            />{' '}
            {b === 'groups' ? 'Every group counts equally' : 'Every person counts equally'}
          </label>
        ))}
      </fieldset>
      <div className="weigh-adopt">
        {framework.criteria.map((c) => (
          <label key={c.id} className="weigh-field">
            Points for {c.name}
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={form[c.id] ?? '0'}
              onChange={(e) => setDraft({ ...form, [c.id]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <p className="hint">
        {sum === 100
          ? 'The points make 100.'
          : `The points make ${sum}; they are rescaled to 100 when adopted.`}
      </p>
      <div className="button-row">
        <button
          className="button button--primary"
          type="button"
          aria-disabled={action.pending || undefined}
          onClick={() => void adopt()}
        >
          Adopt weights
        </button>
      </div>
      <ErrorAlert message={action.error || null} />
    </Section>
  )
}
