// The facilitator's phase controls: next / previous, and every phase as a step to jump to.
import { PHASES, PHASE_LABELS, type Phase } from '@triage/shared'
import { Section } from '../../../ui/layout'
import { nextPhase, previousPhase } from './phase-steps'

export function PhaseStepper({
  phase,
  ready,
  onChange,
}: {
  phase: Phase
  ready: boolean
  onChange: (phase: Phase) => void
}) {
  const next = nextPhase(phase)
  const previous = previousPhase(phase)
  return (
    <Section title="Phase" id="phase-heading" className="phase-panel">
      <p className="phase-now">
        Now: <strong>{PHASE_LABELS[phase]}</strong>
      </p>
      <div className="button-row">
        {next && (
          <button
            className="button button--primary"
            type="button"
            disabled={!ready}
            onClick={() => onChange(next)}
          >
            Next phase: {PHASE_LABELS[next]}
          </button>
        )}
        {previous && (
          <button
            className="button"
            type="button"
            disabled={!ready}
            onClick={() => onChange(previous)}
          >
            Previous phase: {PHASE_LABELS[previous]}
          </button>
        )}
      </div>
      <ol className="stepper" aria-label="Phases">
        {PHASES.map((p, i) => {
          const current = p === phase
          return (
            <li key={p}>
              <button
                type="button"
                className={current ? 'step step--current' : 'step'}
                aria-current={current ? 'step' : undefined}
                disabled={!ready}
                onClick={() => onChange(p)}
              >
                <span className="step__number" aria-hidden="true">
                  {current ? '▶' : i + 1}
                </span>
                <span>{PHASE_LABELS[p]}</span>
              </button>
            </li>
          )
        })}
      </ol>
    </Section>
  )
}
