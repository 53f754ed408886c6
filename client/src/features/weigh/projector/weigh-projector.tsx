// Weighting on the projector: while a round runs (weights, or phones scoring the items), how
// many have taken part (counts only); once weights are adopted and items scored, the ranking,
// each group's ranking and the sensitivity sentences on the whole screen — or, with RICE, the
// RICE ranking; and the MoSCoW step's effort and warning when it was used.
import type { ProjectorPartProps } from '../../../lib/phase-parts'
import { roundTurnout } from '../../../rounds/progress-lines'
import { OutcomeView } from '../outcome-view'
import { outcomeInput, weightsLine } from '../outcome-model'
import { MoscowView } from '../moscow-view'
import { RiceView } from '../rice-view'
import { useWeigh } from '../weigh-state'
import { useWeighSteps } from '../weigh-steps-state'
import '../weigh.css'

const LINES = {
  setup: 'Weighting opens soon.',
  open: 'Share 100 points over the criteria on your phone. Nobody sees your points.',
  closed: 'The proposals are sealed. The weights come next.',
  revealed: 'The weight proposals are revealed.',
} as const

export default function WeighProjector({ control, controlDoc, frame }: ProjectorPartProps) {
  const state = useWeigh(controlDoc)
  const steps = useWeighSteps(controlDoc)
  const outcome = outcomeInput(state)
  const scoring = state.scoresRound
  if (scoring.status === 'open' || scoring.status === 'closed') {
    const started = roundTurnout(control.roster, (id) => scoring.progress[id]?.done ?? 0)
    return frame({
      status: (
        <section className="projector-vote" aria-label="Scoring">
          <p className="projector-vote__line">
            {started.started} of {started.total} have started scoring
          </p>
          <p className="muted">
            {scoring.status === 'open'
              ? 'Score each item on your phone. Nobody sees your scores.'
              : 'The scores are sealed. The ranking comes next.'}
          </p>
        </section>
      ),
    })
  }
  const moscow =
    steps.moscow && Object.keys(steps.moscow.tags).length > 0 ? (
      <section className="projector-weigh" aria-labelledby="projector-moscow-heading">
        <h2 id="projector-moscow-heading">MoSCoW</h2>
        <MoscowView plan={steps.moscow} positions={steps.positions} />
      </section>
    ) : null
  const rice =
    steps.method === 'rice' && steps.rice && Object.keys(steps.rice.estimates).length > 0
      ? steps.rice
      : null
  if (rice) {
    return frame({
      fullScreen: (
        <>
          <section className="projector-weigh" aria-labelledby="projector-weigh-heading">
            <h2 id="projector-weigh-heading">RICE ranking</h2>
            <RiceView rice={rice} />
          </section>
          {moscow}
        </>
      ),
    })
  }
  if (outcome.ok && state.framework && state.adopted && steps.method === 'weighted') {
    return frame({
      fullScreen: (
        <>
          <section className="projector-weigh" aria-labelledby="projector-weigh-heading">
            <h2 id="projector-weigh-heading">Weighted ranking</h2>
            <p>Adopted weights: {weightsLine(state.framework.criteria, state.adopted.weights)}.</p>
            <OutcomeView
              input={outcome.input}
              groups={control.settings?.groups ?? []}
              groupColumns
            />
          </section>
          {moscow}
        </>
      ),
    })
  }
  if (moscow) return frame({ fullScreen: moscow })
  const turnout = roundTurnout(control.roster, (id) => state.progress[id]?.done ?? 0)
  return frame({
    status: (
      <section className="projector-vote" aria-label="Weighting">
        <p className="projector-vote__line">
          {state.status === 'setup'
            ? 'Weighting'
            : `${turnout.started} of ${turnout.total} have started proposing weights`}
        </p>
        <p className="muted">{LINES[state.status]}</p>
        {!outcome.ok && state.status === 'revealed' && <p className="muted">{outcome.missing}</p>}
      </section>
    ),
  })
}
