// The start page: create a workshop, join one with a code, or return to one on this device.
import { useState } from 'react'
import { listSessions } from '../../lib/session-store'
import { paths } from '../../lib/paths'
import { Page, Section } from '../../ui/layout'
import { Link } from '../../ui/link'
import { useDocumentTitle } from '../../ui/use-document-title'
import { CreateWorkshopForm } from './create-workshop-form'
import { JoinCodeForm } from './join-code-form'

export function LandingPage() {
  useDocumentTitle('')
  const [sessions] = useState(listSessions)
  return (
    <Page>
      <h1 className="page__title">Decide together what to build next</h1>
      <p className="lead">
        A live board for prioritisation workshops: brainstorm, cluster, vote and weigh — with
        everyone joining from their phone.
      </p>
      <div className="landing">
        <Section title="Join with a code" id="join-heading">
          <JoinCodeForm />
        </Section>
        {sessions.length > 0 && (
          <Section title="Your workshops on this device" id="mine-heading">
            <ul className="plain-list">
              {sessions.map(({ workshopId, session }) => (
                <li key={workshopId}>
                  <Link
                    href={
                      session.role === 'facilitator'
                        ? paths.facilitate(workshopId)
                        : paths.participant(workshopId)
                    }
                  >
                    {session.title ?? `Workshop ${session.joinCode ?? workshopId}`}
                  </Link>{' '}
                  <span className="muted">
                    ({session.role === 'facilitator' ? 'facilitator' : 'participant'})
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        )}
        <Section title="Create a workshop" id="create-heading">
          <CreateWorkshopForm />
        </Section>
      </div>
    </Page>
  )
}
