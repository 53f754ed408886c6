// The facilitator's console (loaded lazily): the workshop's header, the phase stepper and how
// to join, around whatever the current phase puts in its places (app/phases.ts): above, in the
// main column and below; then the roster, exports, device links and ending the workshop,
// after the phase's work. The console's own panels stay mounted across phases, with the focus
// and whatever was typed in them.
import { useEffect, useMemo, useState } from 'react'
import { setPhase } from '@triage/shared'
import { groupRoster } from '../../../lib/roster-groups'
import { DoneProvider } from '../../../rounds/done'
import { paths } from '../../../lib/paths'
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'
import { api } from '../../../lib/api'
import { loadSession, saveSession, type StoredSession } from '../../../lib/session-store'
import { tokenFromHash } from '../../../lib/viewer-link'
import { onlineParticipantIds } from '../../../sync/awareness'
import { useControlState } from '../../../sync/use-control-state'
import { useAwarenessStates, useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { Notice } from '../../../ui/alert'
import { useControlNews } from '../../../ui/announcer'
import { ConnectionBadge } from '../../../ui/connection-badge'
import { Page } from '../../../ui/layout'
import { usePart, type PartState } from '../../../ui/lazy-part'
import { Link } from '../../../ui/link'
import { SessionEnded } from '../../../ui/session-ended'
import { useDocumentTitle } from '../../../ui/use-document-title'
import { phaseEntry, preloadConsoleParts } from '../../phases'
import { DeviceLinksPanel } from './device-links-panel'
import { ExportPanel } from './export-panel'
import { JoinPanel } from './join-panel'
import { PhaseStepper } from './phase-stepper'
import { RosterPanel } from './roster-panel'
import { useJoinCode } from './use-join-code'
import { ViewerLinkPanel } from './viewer-link-panel'
import { WorkshopPanel } from './workshop-panel'
import './console.css'

export default function ConsoleShell({ workshopId }: { workshopId: string }) {
  const opened = useLinkSession(workshopId)
  if (opened.checking) {
    return (
      <Page width="narrow">
        <p role="status">Opening the console…</p>
      </Page>
    )
  }
  const session = opened.session
  if (session?.role !== 'facilitator')
    return <NotFacilitator workshopId={workshopId} session={session} linkRefused={opened.refused} />
  return <Console workshopId={workshopId} session={session} />
}

/**
 * The session this device has, or the one a co-facilitator or recovery link brings after `#`:
 * the server confirms that its token is a facilitator's of this workshop, then this device keeps
 * it, and the token leaves the address bar at once.
 */
function useLinkSession(workshopId: string) {
  const [linkToken] = useState(() => tokenFromHash(window.location.hash))
  const [state, setState] = useState(() => ({
    checking: linkToken !== null,
    refused: false,
    session: linkToken ? null : loadSession(workshopId),
  }))
  useEffect(() => {
    if (!linkToken) return
    window.history.replaceState(window.history.state, '', window.location.pathname)
    let cancelled = false
    const settle = (session: StoredSession | null, refused: boolean) =>
      !cancelled && setState({ checking: false, refused, session })
    api.session(linkToken).then(
      (s) => {
        if (s.role !== 'facilitator' || s.workshopId !== workshopId) {
          settle(loadSession(workshopId), true)
          return
        }
        const session: StoredSession = {
          role: 'facilitator',
          token: linkToken,
          ...(s.joinCode !== null && { joinCode: s.joinCode }),
        }
        saveSession(workshopId, session)
        settle(session, false)
      },
      () => settle(loadSession(workshopId), true),
    )
    return () => {
      cancelled = true
    }
  }, [linkToken, workshopId])
  return state
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
  const entry = phaseEntry(control.phase)
  const part = usePart(entry.console)
  useDocumentTitle(
    control.settings ? `Facilitate: ${control.settings.title}` : 'Facilitator console',
  )
  useControlNews(control, 'facilitator')
  // After the first render: the other phases' parts are there by the time they start.
  useEffect(preloadConsoleParts, [])

  if (state.kind === 'ended') {
    return (
      <Page status={<ConnectionBadge kind={state.kind} />}>
        <SessionEnded code={state.closeCode} />
      </Page>
    )
  }
  // The phase's places wait for the workshop's settings (the control document's first sync).
  const ready = control.settings !== null
  const props: ConsolePartProps = { workshopId, token: session.token, doc, control, groups }
  const place = (name: keyof ConsolePart) =>
    ready ? <Place part={part} name={name} props={props} /> : null
  const page = (
    <Page width="wide" status={<ConnectionBadge kind={state.kind} />}>
      <div className="console-header">
        <div>
          <p className="eyebrow">Facilitator console</p>
          {/* Busy while loading: the focus waits for the title after a route change. */}
          <h1 className="page__title" aria-busy={control.settings ? undefined : true}>
            {control.settings?.title ?? 'Loading the workshop…'}
          </h1>
          {control.settings?.objective && <p className="lead">{control.settings.objective}</p>}
        </div>
        <a className="button" href={paths.projector(workshopId)} target="_blank" rel="noopener">
          Open projector view
        </a>
      </div>
      {place('Above')}
      <div className="console-layout">
        <div className="console-main">
          {entry.inviteOpen && <JoinPanel joinCode={joinCode} />}
          {place('Main')}
        </div>
        <div className="console-side">
          <PhaseStepper
            phase={control.phase}
            ready={ready}
            onChange={(phase) => setPhase(doc, phase)}
          />
          {!entry.inviteOpen && <JoinPanel joinCode={joinCode} collapsed />}
        </div>
      </div>
      {place('Below')}
      {/* What is not the phase's work comes after it (the board), not beside it, where its
          length pushed the board a screen down. The phases that collect input also show who
          is online in their progress lists. */}
      <div className="console-more">
        <RosterPanel groups={groups} workshopId={workshopId} token={session.token} />
        <ExportPanel workshopId={workshopId} token={session.token} />
        <ViewerLinkPanel workshopId={workshopId} token={session.token} />
        <DeviceLinksPanel workshopId={workshopId} token={session.token} />
        <WorkshopPanel workshopId={workshopId} token={session.token} />
      </div>
    </Page>
  )
  // Every progress list on the page tags who said "I'm done" with the current step.
  return (
    <DoneProvider controlDoc={doc} roster={control.roster}>
      {page}
    </DoneProvider>
  )
}

/**
 * One of the phase's places: its component once the phase's code is there. The main column
 * says when that code is still loading, or could not be.
 */
function Place({
  part,
  name,
  props,
}: {
  part: PartState<ConsolePart>
  name: keyof ConsolePart
  props: ConsolePartProps
}) {
  if (part.kind === 'ready') {
    const Component = part.value[name]
    return Component ? <Component {...props} /> : null
  }
  if (name !== 'Main' || part.kind === 'none') return null
  return part.kind === 'failed' ? (
    <p className="alert alert--error">
      This part of the console could not be loaded. Reload the page to try again.
    </p>
  ) : (
    <p className="muted">Loading…</p>
  )
}

function NotFacilitator({
  workshopId,
  session,
  linkRefused,
}: {
  workshopId: string
  session: StoredSession | null
  linkRefused: boolean
}) {
  useDocumentTitle('Facilitator console')
  return (
    <Page width="narrow">
      <Notice title="This page is for the facilitator">
        {linkRefused && (
          <p>
            This link no longer opens the console: it was revoked or replaced. Ask the facilitator
            for a new one.
          </p>
        )}
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
              Only the device that created this workshop, or one opened with a co-facilitator or
              recovery link, can open its console. If you are a participant, join with the code the
              facilitator shows.
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
