// One decision as the phone and the projector show it: its title, rationale, conditions, the
// dissent in each group's words, open questions, owner and review date. Text, never markup.
import type { Decision, Group } from '@triage/shared'

export function DecisionView({
  decision,
  groups,
  headingLevel = 3,
}: {
  decision: Decision
  groups: readonly Group[]
  headingLevel?: 2 | 3
}) {
  const name = (id: string) => groups.find((g) => g.id === id)?.name ?? id
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const facts: [string, string][] = [
    ['Conditions', decision.conditions],
    ['Open questions', decision.questions],
    ['Owner', decision.owner.trim()],
    ['Review date', decision.review],
  ].filter((f): f is [string, string] => f[1]!.trim() !== '')
  return (
    <>
      <Heading className="decision__title">{decision.title}</Heading>
      {decision.rationale.trim() ? (
        <p className="decision__rationale">{decision.rationale}</p>
      ) : (
        <p className="muted">No rationale written yet.</p>
      )}
      {facts.length > 0 && (
        <dl className="decision__facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {decision.dissent.length > 0 && (
        <ul className="decision__dissent" aria-label={`Dissent on ${decision.title}`}>
          {decision.dissent.map((d) => (
            <li key={d.group}>
              <strong>{name(d.group)}</strong> disagreed{d.words.trim() ? `: ${d.words}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
