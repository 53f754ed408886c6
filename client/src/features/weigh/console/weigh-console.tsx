// The weigh phase on the facilitator's console: the criteria (with presets), the weights round
// and its revealed aggregates, the adoption of the weights, the consensus scores or the scores
// round on phones, and the ranking overall and per group with its sensitivity — or, with the
// RICE preset, the RICE estimates and their ranking; and the optional MoSCoW step either way.
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'
import { Section } from '../../../ui/layout'
import { OutcomeView } from '../outcome-view'
import { outcomeInput } from '../outcome-model'
import { useWeigh } from '../weigh-state'
import { useWeighSteps } from '../weigh-steps-state'
import { AdoptPanel } from './adopt-panel'
import { RiceView } from '../rice-view'
import { CriteriaEditor } from './criteria-editor'
import { MoscowEditor } from './moscow-editor'
import { RiceEditor } from './rice-editor'
import { ScoresEditor } from './scores-editor'
import { ScoresRoundPanel } from './scores-round-panel'
import { WeightsRoundPanel } from './weights-round-panel'

function Main({ workshopId, token, doc, control, groups }: ConsolePartProps) {
  const state = useWeigh(doc)
  const steps = useWeighSteps(doc)
  const outcome = outcomeInput(state)
  const moscow = (
    <MoscowEditor
      workshopId={workshopId}
      token={token}
      doc={doc}
      plan={steps.moscow}
      positions={steps.positions}
    />
  )
  const criteria = (
    <CriteriaEditor
      doc={doc}
      framework={state.framework}
      method={steps.method}
      status={state.status}
    />
  )
  if (steps.method === 'rice') {
    return (
      <>
        {criteria}
        <RiceEditor workshopId={workshopId} token={token} doc={doc} rice={steps.rice} />
        <Section title="RICE ranking" id="weigh-rice-ranking-heading">
          {steps.rice && Object.keys(steps.rice.estimates).length > 0 ? (
            <RiceView rice={steps.rice} />
          ) : (
            <p className="muted">The ranking follows once items are estimated.</p>
          )}
        </Section>
        {moscow}
      </>
    )
  }
  return (
    <>
      {criteria}
      <WeightsRoundPanel
        workshopId={workshopId}
        token={token}
        control={control}
        groups={groups}
        state={state}
      />
      <AdoptPanel workshopId={workshopId} token={token} state={state} />
      {state.framework && (
        <ScoresEditor
          workshopId={workshopId}
          token={token}
          doc={doc}
          framework={state.framework}
          state={state}
        />
      )}
      <ScoresRoundPanel
        workshopId={workshopId}
        token={token}
        doc={doc}
        control={control}
        groups={groups}
        state={state}
      />
      <Section title="Weighted ranking" id="weigh-ranking-heading">
        {outcome.ok ? (
          <OutcomeView input={outcome.input} groups={control.settings?.groups ?? []} />
        ) : (
          <p className="muted">{outcome.missing}</p>
        )}
      </Section>
      {moscow}
    </>
  )
}

const weighConsole: ConsolePart = { Main }
export default weighConsole
