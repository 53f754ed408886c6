// Deciding on the facilitator's console: choose the decisions (the top of the ranking offered
// first, any item addable), write each one live with the other facilitators, record it in the
// decision log, and ask the participants for their consent.
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'
import { useBoardState } from '../../../sync/use-doc-states'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { Section } from '../../../ui/layout'
import { useDecide } from '../use-decide'
import { ConsentPanel } from './consent-panel'
import { DecisionEditor } from './decision-editor'
import { DecisionPicker } from './decision-picker'
import '../decide.css'

function Main({ workshopId, token, doc, control, groups }: ConsolePartProps) {
  const { decisions, round, consent, progress, votes, framework } = useDecide(doc)
  const board = useBoardState(useWorkshopDoc(workshopId, 'board', token).doc)
  const workshopGroups = control.settings?.groups ?? []
  const log = control.log.map((e) => e.event)
  return (
    <>
      <Section title="Decisions" id="decisions-heading">
        <DecisionPicker
          doc={doc}
          board={board}
          decisions={decisions}
          votes={votes}
          framework={framework}
        />
        {decisions.length === 0 ? (
          <p className="muted">No decision yet.</p>
        ) : (
          <ul className="decision-list" aria-label="Decisions">
            {decisions.map((d) => (
              <DecisionEditor
                key={d.id}
                workshopId={workshopId}
                token={token}
                doc={doc}
                decision={d}
                groups={workshopGroups}
                log={log}
                votes={votes}
                framework={framework}
              />
            ))}
          </ul>
        )}
      </Section>
      <ConsentPanel
        workshopId={workshopId}
        token={token}
        control={control}
        groups={groups}
        decisions={decisions}
        status={round.status}
        progress={progress}
        consent={consent}
      />
    </>
  )
}

const decideConsole: ConsolePart = { Main }
export default decideConsole
