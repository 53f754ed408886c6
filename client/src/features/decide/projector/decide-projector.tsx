// Deciding on the projector: the decisions as the facilitators write them and, once revealed,
// the consent to each per stakeholder group; while consent is open, how many have answered.
import type { ProjectorPartProps } from '../../../lib/phase-parts'
import { roundTurnout } from '../../../rounds/progress-lines'
import { ConsentTable } from '../consent-table'
import { DecisionView } from '../decision-view'
import { useDecide } from '../use-decide'
import '../decide.css'

export default function DecideProjector({ control, controlDoc, frame }: ProjectorPartProps) {
  const { decisions, round, consent, progress } = useDecide(controlDoc)
  const groups = control.settings?.groups ?? []
  const results = new Map(consent?.decisions.map((c) => [c.decision, c]))
  const turnout = roundTurnout(control.roster, (id) => progress[id]?.done ?? 0)
  return frame({
    fullScreen: (
      <section className="projector-decisions" aria-labelledby="projector-decisions-heading">
        <h2 id="projector-decisions-heading">Decisions</h2>
        {(round.status === 'open' || round.status === 'closed') && (
          <p>
            {round.status === 'open'
              ? `Consent: ${turnout.started} of ${turnout.total} participants have started answering. Answer on your phone.`
              : 'Consent is sealed. The counts come next.'}
          </p>
        )}
        {decisions.length === 0 ? (
          <p className="muted">No decision has been recorded yet.</p>
        ) : (
          <ul className="decision-list" aria-label="Decisions">
            {decisions.map((d) => {
              const result = results.get(d.id)
              return (
                <li key={d.id} className="decision">
                  <DecisionView decision={d} groups={groups} />
                  {result && (
                    <ConsentTable
                      consent={result}
                      groups={groups}
                      caption={`Consent to ${d.title}`}
                    />
                  )}
                </li>
              )
            })}
          </ul>
        )}
      </section>
    ),
  })
}
