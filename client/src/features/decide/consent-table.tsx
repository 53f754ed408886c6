// Consent to one decision, per stakeholder group: how many can live with it, how many object,
// and how many did not answer — a table, so the figures are text, never colour alone.
import type { DecisionConsent, Group } from '@triage/shared'

export function ConsentTable({
  consent,
  groups,
  caption,
}: {
  consent: DecisionConsent
  groups: readonly Group[]
  caption: string
}) {
  const name = (id: string) => groups.find((g) => g.id === id)?.name ?? id
  const silent = (members: number, accept: number, object: number) => members - accept - object
  const members = consent.groups.reduce((s, g) => s + g.members, 0)
  return (
    <table className="consent-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Can live with it</th>
          <th scope="col">Object</th>
          <th scope="col">No answer</th>
        </tr>
      </thead>
      <tbody>
        {consent.groups.map((g) => (
          <tr key={g.group}>
            <th scope="row">{name(g.group)}</th>
            <td>{g.accept}</td>
            <td>{g.object}</td>
            <td>{silent(g.members, g.accept, g.object)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All groups</th>
          <td>{consent.accept}</td>
          <td>{consent.object}</td>
          <td>{silent(members, consent.accept, consent.object)}</td>
        </tr>
      </tfoot>
    </table>
  )
}
