// The facilitator's phase controls: next / previous, and every phase of the registry as a step
// to jump to.
import type { Phase } from '@triage/shared'
import { Section } from '../../../ui/layout'
import { PHASE_LIST, phaseEntry } from '../../phases'
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
        Now: <strong>{phaseEntry(phase).label}</strong>
      </p>
      <div className="button-row">
        {next && (
          <button
            className="button button--primary"
            type="button"
            disabled={!ready}
            onClick={() => onChange(next)}
          >
            Next phase: {phaseEntry(next).label}
          </button>
        )}
        {previous && (
          <button
            className="button"
            type="button"
            disabled={!ready}
            onClick={() => onChange(previous)}
          >
            Previous phase: {phaseEntry(previous).label}
          </button>
        )}
      </div>
      <ol className="stepper" aria-label="Phases">
        {PHASE_LIST.map(({ id: p, label }, i) => {
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
                <span>{label}</span>
              </button>
            </li>
          )
        })}
      </ol>
    </Section>
  )
}
