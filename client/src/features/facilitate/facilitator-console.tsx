// The facilitator's console (loaded lazily): phase controls, live roster, and how to join.
import { useMemo, useState } from 'react'
import { setPhase } from '@triage/shared'
import { paths } from '../../lib/paths'
import { loadSession, type StoredSession } from '../../lib/session-store'
import { onlineParticipantIds } from '../../sync/awareness'
import { useControlState } from '../../sync/use-control-state'
import { useAwarenessStates, useWorkshopDoc } from '../../sync/use-workshop-doc'
import { Notice } from '../../ui/alert'
import { ConnectionBadge } from '../../ui/connection-badge'
import { Page } from '../../ui/layout'
import { Link } from '../../ui/link'
import { SessionEnded } from '../../ui/session-ended'
import { useDocumentTitle } from '../../ui/use-document-title'
import { JoinPanel } from './join-panel'
import { PhaseStepper } from './phase-stepper'
import { RosterPanel } from './roster-panel'
import { groupRoster } from './roster-groups'
import { useJoinCode } from './use-join-code'
import './facilitate.css'

export default function FacilitatorConsole({ workshopId }: { workshopId: string }) {
  const [session] = useState(() => loadSession(workshopId))
  if (session?.role !== 'facilitator')
    return <NotFacilitator workshopId={workshopId} session={session} />
  return <Console workshopId={workshopId} session={session} />
}

function Console({ workshopId, session }: { workshopId: string; session: StoredSession }) {
  const { doc, connection, state } = useWorkshopDoc(workshopId, 'control', session.token)
  const control = useControlState(doc)
  const peers = useAwarenessStates(connection)
  const joinCode = useJoinCode(session)
  const groups = useMemo(
    () => groupRoster(control.settings?.groups ?? [], control.roster, onlineParticipantIds(peers)),
    [control.settings, control.roster, peers],
  )
  useDocumentTitle(
    control.settings ? `Facilitate: ${control.settings.title}` : 'Facilitator console',
  )

  if (state.kind === 'ended') {
    return (
      <Page status={<ConnectionBadge kind={state.kind} />}>
        <SessionEnded code={state.closeCode} />
      </Page>
    )
  }
  return (
    <Page width="wide" status={<ConnectionBadge kind={state.kind} />}>
      <p className="eyebrow">Facilitator console</p>
      <h1 className="page__title">{control.settings?.title ?? 'Loading the workshop…'}</h1>
      {control.settings?.objective && <p className="lead">{control.settings.objective}</p>}
      <div className="console-grid">
        <PhaseStepper
          phase={control.phase}
          ready={control.settings !== null}
          onChange={(phase) => setPhase(doc, phase, Date.now())}
        />
        <RosterPanel groups={groups} />
        <JoinPanel workshopId={workshopId} joinCode={joinCode} />
      </div>
    </Page>
  )
}

function NotFacilitator({
  workshopId,
  session,
}: {
  workshopId: string
  session: StoredSession | null
}) {
  useDocumentTitle('Facilitator console')
  return (
    <Page width="narrow">
      <Notice title="This page is for the facilitator">
        {session?.role === 'participant' ? (
          <>
            <p>
              You joined this workshop as a participant, so the facilitator console is not available
              here.
            </p>
            <p>
              <Link className="button button--primary" href={paths.participant(workshopId)}>
                Go to your workshop view
              </Link>
            </p>
          </>
        ) : (
          <>
            <p>
              Only the device that created this workshop can open its console. If you are a
              participant, join with the code the facilitator shows.
            </p>
            <p>
              <Link className="button button--primary" href={paths.landing()}>
                Enter a join code
              </Link>
            </p>
          </>
        )}
      </Notice>
    </Page>
  )
}
