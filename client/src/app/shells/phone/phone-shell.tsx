// The participant's phone view: who you are, the current phase and what to do in it, live;
// under it the phase's own work, where the registry (app/phases.ts) gives the phase one.
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  CLOSE,
  PHASE_ROUND_KINDS,
  docName,
  readPhase,
  readRoundStatus,
  type WorkshopId,
} from '@triage/shared'
import { paths } from '../../../lib/paths'
import { clearSession, loadSession, type StoredSession } from '../../../lib/session-store'
import { indexedDbStore, readDeviceCopyAhead } from '../../../sync/device-copy'
import { useControlState } from '../../../sync/use-control-state'
import { useDocSnapshot } from '../../../sync/use-doc-snapshot'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { Notice } from '../../../ui/alert'
import { ConnectionBadge } from '../../../ui/connection-badge'
import { Page } from '../../../ui/layout'
import { Link } from '../../../ui/link'
import { SessionEnded } from '../../../ui/session-ended'
import { useDocumentTitle } from '../../../ui/use-document-title'
import { useControlNews } from '../../../ui/announcer'
import { identityLine } from '../../../lib/identity-line'
import { instructionFor } from './phase-instructions'
import { useWideScreen } from '../../../ui/use-wide-screen'
import { lazyPart, usePart } from '../../../ui/lazy-part'
import { phaseEntry } from '../../phases'
import { PhoneWork } from './phone-work'
import './phone.css'

/** "I'm done": loaded after the phase's view, so the first download stays small. */
const doneToggle = lazyPart(() => import('../../../rounds/done-toggle'))

/** The status of the current phase's sealed round (weighing: its weights), or null. */
const readPhaseRound = (doc: Y.Doc) => {
  const kind = PHASE_ROUND_KINDS[readPhase(doc)]?.[0]
  return kind ? readRoundStatus(doc, kind) : null
}

/**
 * Before the first render of a participant's page (app.tsx): reads the control document's copy
 * on this device, so that a reload or a tab reopened offline shows its phase view in the first
 * render, not after a "Connecting…" one and the copy's own load.
 */
export function readAheadControl(workshopId: string): Promise<void> {
  if (loadSession(workshopId)?.role !== 'participant') return Promise.resolve()
  const name = docName({ workshopId: workshopId as WorkshopId, kind: 'control' })
  return readDeviceCopyAhead(`triage:${name}`)
}

export function PhoneShell({ workshopId }: { workshopId: string }) {
  const [session] = useState(() => loadSession(workshopId))
  if (session?.role !== 'participant' || !session.participantId) {
    return <NotJoined workshopId={workshopId} session={session} />
  }
  return <Live workshopId={workshopId} session={session} participantId={session.participantId} />
}

function Live({
  workshopId,
  session,
  participantId,
}: {
  workshopId: string
  session: StoredSession
  participantId: string
}) {
  // Kept on the device too, so a phone that reloads offline still shows the phase it is in.
  const { doc, connection, state } = useWorkshopDoc(workshopId, 'control', session.token, {
    persist: indexedDbStore,
  })
  const control = useControlState(doc)
  const round = useDocSnapshot(doc, readPhaseRound)
  const done = usePart(doneToggle)
  const me = control.roster[participantId]
  const name = me?.name ?? null
  const entry = phaseEntry(control.phase)
  const phaseLabel = entry.label
  const wide = useWideScreen() && entry.phoneWide === true
  useDocumentTitle(control.settings ? `${phaseLabel} · ${control.settings.title}` : 'Workshop')
  // Phase changes, the timer, the lock, reveals: said as they happen, on every phase.
  useControlNews(control, 'participant')

  useEffect(() => {
    // Being present in awareness is what puts this participant "online" on the roster.
    connection.setLocalState({ user: { name } })
  }, [connection, name])

  const ended = state.kind === 'ended'
  const revoked =
    ended &&
    (state.closeCode === CLOSE.unauthorized ||
      state.closeCode === CLOSE.gone ||
      state.closeCode === CLOSE.removed)
  useEffect(() => {
    if (revoked) clearSession(workshopId)
  }, [revoked, workshopId])

  if (ended) {
    return (
      <Page width="narrow" status={<ConnectionBadge kind={state.kind} />}>
        <SessionEnded
          code={state.closeCode}
          joinPath={session.joinCode ? paths.join(session.joinCode) : undefined}
        />
      </Page>
    )
  }
  const who = identityLine(me?.name, me?.group, control.settings?.groups ?? [])
  return (
    <Page width={wide ? 'wide' : 'narrow'} status={<ConnectionBadge kind={state.kind} />}>
      <h1 className="eyebrow">{control.settings?.title ?? session.title ?? 'Workshop'}</h1>
      <p className="identity">{who ? `You are ${who}` : 'Connecting to the workshop…'}</p>
      {control.settings?.objective && (
        <p className="phone-objective">
          <span className="phone-objective__label">Objective: </span>
          {control.settings.objective}
        </p>
      )}
      {control.settings !== null && (
        <section className="card phase-card" aria-labelledby="phase-now">
          <p className="eyebrow">Current phase</p>
          <h2 id="phase-now" className="phase-card__title">
            {phaseLabel}
          </h2>
          <p className="phase-card__instruction">
            {instructionFor(control.phase, control.collect, round)}
          </p>
        </section>
      )}
      {control.settings !== null && entry.phone && (
        <PhoneWork
          part={entry.phone}
          workshopId={workshopId}
          token={session.token}
          participantId={participantId}
          name={name}
          control={control}
          controlDoc={doc}
          wide={wide}
        />
      )}
      {control.settings !== null && done.kind === 'ready' && (
        <done.value
          workshopId={workshopId}
          token={session.token}
          participantId={participantId}
          controlDoc={doc}
        />
      )}
    </Page>
  )
}

function NotJoined({ workshopId, session }: { workshopId: string; session: StoredSession | null }) {
  useDocumentTitle('Workshop')
  return (
    <Page width="narrow">
      <Notice title="You have not joined this workshop on this device">
        {session?.role === 'facilitator' ? (
          <p>
            <Link className="button button--primary" href={paths.facilitate(workshopId)}>
              Open the facilitator console
            </Link>
          </p>
        ) : (
          <>
            <p>Ask the facilitator for the join code, then join with your name and group.</p>
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
