// The projector view (loaded lazily, read-only, large type): the workshop's title and current
// phase, and how to join, around whatever the phase shows (app/phases.ts): the brainstorm's
// countdown, the board, a vote's progress and then its results. A phase with nothing of its own
// shows who has joined, by stakeholder group.
import { useEffect, useMemo, useState } from 'react'
import { DoneProvider, DoneSummary } from '../../../rounds/done'
import { paths } from '../../../lib/paths'
import type { ProjectorPartProps, ProjectorSlots } from '../../../lib/phase-parts'
import { loadSession, type StoredSession } from '../../../lib/session-store'
import { joinLink, usePublicUrl } from '../../../lib/use-public-url'
import { tokenFromHash } from '../../../lib/viewer-link'
import { onlineParticipantIds } from '../../../sync/awareness'
import { useControlState } from '../../../sync/use-control-state'
import { useAwarenessStates, useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { Notice } from '../../../ui/alert'
import { useControlNews } from '../../../ui/announcer'
import { ConnectionBadge } from '../../../ui/connection-badge'
import { Page } from '../../../ui/layout'
import { usePart } from '../../../ui/lazy-part'
import { Link } from '../../../ui/link'
import { QrCode } from '../../../ui/qr-code'
import { SessionEnded } from '../../../ui/session-ended'
import { useDocumentTitle } from '../../../ui/use-document-title'
import { phaseEntry, preloadProjectorParts } from '../../phases'
import { useJoinCode } from '../console/use-join-code'
import { countByGroup } from './group-counts'
import './projector.css'

export default function ProjectorShell({ workshopId }: { workshopId: string }) {
  // A projector link carries its own read-only token after `#` (kept there, so a reload on the
  // room's PC keeps working); otherwise this is the facilitator's device and its session.
  const [session] = useState<StoredSession | null>(() => {
    const token = tokenFromHash(window.location.hash)
    return token ? { role: 'facilitator', token } : loadSession(workshopId)
  })
  if (!session) {
    return (
      <Page width="narrow">
        <Notice title="Open the projector view from the facilitator console">
          <p>This device has no session for this workshop.</p>
          <p>
            <Link className="button button--primary" href={paths.landing()}>
              Go to the start page
            </Link>
          </p>
        </Notice>
      </Page>
    )
  }
  return <Board workshopId={workshopId} session={session} />
}

function Board({ workshopId, session }: { workshopId: string; session: StoredSession }) {
  const { doc, connection, state } = useWorkshopDoc(workshopId, 'control', session.token)
  const control = useControlState(doc)
  const peers = useAwarenessStates(connection)
  const publicUrl = usePublicUrl()
  const counts = useMemo(
    () => countByGroup(control.settings?.groups ?? [], control.roster, onlineParticipantIds(peers)),
    [control.settings, control.roster, peers],
  )
  const entry = phaseEntry(control.phase)
  const part = usePart(entry.projector)
  const title = control.settings?.title ?? session.title ?? 'Workshop'
  useDocumentTitle(`Board: ${title}`)
  useControlNews(control, 'projector')
  // After the first render: the other phases' parts are there by the time they start.
  useEffect(preloadProjectorParts, [])
  const code = useJoinCode(session)
  const link = publicUrl && code ? joinLink(publicUrl, code) : null
  const total = counts.reduce((n, c) => n + c.joined, 0)

  if (state.kind === 'ended') {
    return (
      <Page status={<ConnectionBadge kind={state.kind} />}>
        <SessionEnded code={state.closeCode} />
      </Page>
    )
  }
  const people = (
    <section aria-labelledby="projector-people">
      <h2 id="projector-people" className="projector__subtitle">
        {total === 1 ? '1 participant' : `${total} participants`}
      </h2>
      <ul className="projector__counts">
        {counts.map((c) => (
          <li key={c.id}>
            <span className="projector__count">{c.joined}</span> {c.name}
            <span className="muted"> · {c.online} online</span>
          </li>
        ))}
      </ul>
    </section>
  )
  /** The screen's layout around what the phase shows. */
  const frame = ({ fullScreen, status, below }: ProjectorSlots) =>
    fullScreen !== undefined ? (
      // The board or the results need the whole screen; joining shrinks to one line.
      <>
        <div className="projector-bar">
          <h1 className="projector-bar__title">{title}</h1>
          <h2 className="projector-bar__phase">{entry.label}</h2>
          <DoneSummary className="projector-bar__done" />
          {code && (
            <p className="projector-bar__join">
              Join at {link ?? ''} with the code <strong className="join-code">{code}</strong>
            </p>
          )}
        </div>
        {fullScreen}
      </>
    ) : (
      <>
        <div className="projector">
          <div className="projector__main">
            <h1 className="projector__title">{title}</h1>
            {control.settings?.objective && (
              <p className="projector__objective">{control.settings.objective}</p>
            )}
            <p className="eyebrow">Current phase</p>
            <h2 className="projector__phase">{entry.label}</h2>
            <DoneSummary className="projector__done" />
            {status ?? people}
          </div>
          {code && (
            <aside className="projector__join" aria-label="How to join">
              <p className="eyebrow">Join at</p>
              <p className="projector__link">{link ?? ''}</p>
              <p className="eyebrow">with the code</p>
              <p className="join-code join-code--huge">{code}</p>
              {link && <QrCode value={link} label="QR code for the join link" size={280} />}
            </aside>
          )}
        </div>
        {below}
      </>
    )
  const props: ProjectorPartProps = {
    workshopId,
    token: session.token,
    control,
    controlDoc: doc,
    frame,
  }
  const page = (
    <Page width="wide" status={<ConnectionBadge kind={state.kind} />}>
      {part.kind === 'ready' ? (
        <part.value {...props} />
      ) : part.kind === 'failed' ? (
        frame({
          status: (
            <p className="alert alert--error">
              This part of the board could not be loaded. Reload the page to try again.
            </p>
          ),
        })
      ) : (
        frame({})
      )}
    </Page>
  )
  // The frame says how many are done with the current step ("4 of 6 done").
  return (
    <DoneProvider controlDoc={doc} roster={control.roster}>
      {page}
    </DoneProvider>
  )
}
