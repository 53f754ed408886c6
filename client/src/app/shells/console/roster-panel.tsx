// Who has joined, by stakeholder group, and who is online right now (icon and words). The
// facilitator can remove a participant from here, after a question that says what it does.
import { useRef, useState } from 'react'
import { api } from '../../../lib/api'
import type { RosterGroup, RosterMember } from '../../../lib/roster-groups'
import { useAction } from '../../../lib/use-action'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { moveFocus } from '../../../ui/focus'
import { Section } from '../../../ui/layout'

interface RosterPanelProps {
  readonly groups: readonly RosterGroup[]
  readonly workshopId: string
  readonly token: string
}

export function RosterPanel({ groups, workshopId, token }: RosterPanelProps) {
  const total = groups.reduce((n, g) => n + g.members.length, 0)
  const online = groups.reduce((n, g) => n + g.onlineCount, 0)
  const action = useAction()
  const announce = useAnnounce()
  const [asking, setAsking] = useState<RosterMember | null>(null)
  const question = useRef<HTMLParagraphElement>(null)
  const heading = useRef<HTMLParagraphElement>(null)

  const ask = (member: RosterMember) => {
    const from = document.activeElement
    setAsking(member)
    moveFocus(() => question.current, from)
  }
  const keep = () => {
    const from = document.activeElement
    setAsking(null)
    moveFocus(() => heading.current, from)
  }
  const remove = async (member: RosterMember) => {
    if (action.pending) return
    const from = document.activeElement
    const done = await action.run(async () => {
      await api.removeParticipant(workshopId, member.id, token)
      return true
    })
    if (!done) return
    setAsking(null)
    announce(`${member.name} removed. Their phone is disconnected; what they wrote stays.`)
    moveFocus(() => heading.current, from)
  }

  return (
    <Section title={`Participants (${total})`} id="roster-heading" className="roster-panel">
      <p className="muted" ref={heading} tabIndex={-1}>
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
                  </span>{' '}
                  {asking?.id !== m.id && (
                    <button
                      type="button"
                      className="button roster-member__remove"
                      aria-label={`Remove ${m.name}`}
                      onClick={() => ask(m)}
                    >
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {asking && (
        <div className="confirm" role="group" aria-labelledby="remove-confirm">
          <p id="remove-confirm" ref={question} tabIndex={-1}>
            Remove {asking.name} from the workshop? Their phone is disconnected and cannot join
            again with this session; what they already wrote stays on the board.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              aria-disabled={action.pending || undefined}
              onClick={() => void remove(asking)}
            >
              Remove {asking.name}
            </button>
            <button type="button" className="button" onClick={keep}>
              Keep {asking.name}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert message={action.error} />
    </Section>
  )
}
