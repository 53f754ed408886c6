// Who has joined, by stakeholder group, and who is online right now (icon and words).
import { Section } from '../../../ui/layout'
import type { RosterGroup } from '../../../lib/roster-groups'

export function RosterPanel({ groups }: { groups: readonly RosterGroup[] }) {
  const total = groups.reduce((n, g) => n + g.members.length, 0)
  const online = groups.reduce((n, g) => n + g.onlineCount, 0)
  return (
    <Section title={`Participants (${total})`} id="roster-heading" className="roster-panel">
      <p className="muted">
        {total === 0 ? 'Nobody has joined yet — share the code.' : `${online} of ${total} online`}
      </p>
      {groups.map((g) => (
        <div key={g.id} className="roster-group">
          <h3 className="roster-group__title">
            {g.name} <span className="muted">({g.members.length})</span>
          </h3>
          {g.members.length === 0 ? (
            <p className="muted small">No one yet</p>
          ) : (
            <ul className="roster-list" aria-label={g.name}>
              {g.members.map((m) => (
                <li key={m.id} className="roster-member">
                  <span className="roster-member__name">{m.name}</span>{' '}
                  <span className={m.online ? 'presence presence--online' : 'presence'}>
                    <span aria-hidden="true">{m.online ? '●' : '○'}</span>{' '}
                    {m.online ? 'Online' : 'Offline'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </Section>
  )
}
