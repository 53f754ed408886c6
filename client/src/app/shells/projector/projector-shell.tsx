// The projector view (loaded lazily, read-only, large type): what is happening and how to join;
// in the brainstorm the countdown and how many ideas are drafted, then the shared board; in the
// vote how many have voted (counts only), then the results.
import { useMemo, useState } from 'react'
import { PHASE_LABELS } from '@triage/shared'
import { paths } from '../../../lib/paths'
import { LazyResults } from '../../../results/lazy-results'
import { useVoting } from '../../../results/use-voting'
import { revealedResults } from '../../../rounds/round-status'
import { voteTurnout } from '../../../features/voting/vote-progress'
import { loadSession, type StoredSession } from '../../../lib/session-store'
import { joinLink, usePublicUrl } from '../../../lib/use-public-url'
import { onlineParticipantIds } from '../../../sync/awareness'
import { useControlState } from '../../../sync/use-control-state'
import { useAwarenessStates, useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { Notice } from '../../../ui/alert'
import { ConnectionBadge } from '../../../ui/connection-badge'
import { Countdown } from '../../../ui/countdown'
import { Page } from '../../../ui/layout'
import { Link } from '../../../ui/link'
import { QrCode } from '../../../ui/qr-code'
import { SessionEnded } from '../../../ui/session-ended'
import { useDocumentTitle } from '../../../ui/use-document-title'
import { useAnnounce, useControlNews, useVotingNews } from '../../../ui/announcer'
import { timeUpNews } from '../../../ui/workshop-news'
import { draftCount, draftedLine } from '../../../features/brainstorm/projector/brainstorm-count'
import { countByGroup } from './group-counts'
import { ProjectorSharedBoard } from '../../../board/projector-shared-board'
import { voteLine } from '../../../features/voting/projector/vote-line'
import './projector.css'

export default function ProjectorBoard({ workshopId }: { workshopId: string }) {
  const [session] = useState(() => loadSession(workshopId))
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
  const { voting, results } = useVoting(doc)
  const peers = useAwarenessStates(connection)
  const publicUrl = usePublicUrl()
  const counts = useMemo(
    () => countByGroup(control.settings?.groups ?? [], control.roster, onlineParticipantIds(peers)),
    [control.settings, control.roster, peers],
  )
  const title = control.settings?.title ?? session.title ?? 'Workshop'
  useDocumentTitle(`Board: ${title}`)
  const announce = useAnnounce()
  useControlNews(control, 'projector')
  useVotingNews(voting.status, 'projector', control.settings !== null)
  const code = session.joinCode ?? null
  const link = publicUrl && code ? joinLink(publicUrl, code) : null
  const total = counts.reduce((n, c) => n + c.joined, 0)

  if (state.kind === 'ended') {
    return (
      <Page status={<ConnectionBadge kind={state.kind} />}>
        <SessionEnded code={state.closeCode} />
      </Page>
    )
  }
  const boardPhase = control.phase === 'brainstorm' || control.phase === 'cluster'
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
  const bar = (
    <div className="projector-bar">
      <h1 className="projector-bar__title">{title}</h1>
      <h2 className="projector-bar__phase">{PHASE_LABELS[control.phase]}</h2>
      {code && (
        <p className="projector-bar__join">
          Join at {link ?? ''} with the code <strong className="join-code">{code}</strong>
        </p>
      )}
    </div>
  )
  const shown = revealedResults(voting.status, results)
  if (control.phase === 'vote' && shown) {
    // The results need the whole screen, as large as it allows.
    return (
      <Page width="wide" status={<ConnectionBadge kind={state.kind} />}>
        {bar}
        <section className="projector-results" aria-label="Vote results">
          <LazyResults results={shown} groups={control.settings?.groups ?? []} />
        </section>
      </Page>
    )
  }
  if (control.phase === 'cluster') {
    // The board needs the whole screen; joining shrinks to one line.
    return (
      <Page width="wide" status={<ConnectionBadge kind={state.kind} />}>
        {bar}
        {control.boardLocked && (
          <p className="projector-locked">
            <span aria-hidden="true">🔒 </span>The board is locked
          </p>
        )}
        <ProjectorSharedBoard workshopId={workshopId} token={session.token} control={control} />
      </Page>
    )
  }
  return (
    <Page width="wide" status={<ConnectionBadge kind={state.kind} />}>
      <div className="projector">
        <div className="projector__main">
          <h1 className="projector__title">{title}</h1>
          {control.settings?.objective && (
            <p className="projector__objective">{control.settings.objective}</p>
          )}
          <p className="eyebrow">Current phase</p>
          <h2 className="projector__phase">{PHASE_LABELS[control.phase]}</h2>
          {control.phase === 'brainstorm' ? (
            <section className="projector-brainstorm" aria-label="Brainstorm">
              <Countdown
                timer={control.timer}
                size="large"
                onTimeUp={(timer) => announce(timeUpNews(timer, 'projector'), 'assertive')}
              />
              <p className="projector-brainstorm__count">
                {draftedLine(draftCount(control.progress))}
              </p>
              <p className="muted">
                {control.collect === 'open'
                  ? 'Ideas go straight to the board.'
                  : 'Write your ideas on your phone. Nobody sees them until they are revealed.'}
              </p>
            </section>
          ) : control.phase === 'vote' ? (
            <section className="projector-vote" aria-label="Dot voting">
              <p className="projector-vote__line">
                {voteLine(voting.status, voteTurnout(control.roster, control.progress))}
              </p>
              <p className="muted">
                {voting.status === 'closed'
                  ? 'The votes are sealed. The results come next.'
                  : 'Place your dots on your phone. Nobody sees where until the results are revealed.'}
              </p>
            </section>
          ) : (
            people
          )}
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
      {boardPhase && (
        <ProjectorSharedBoard
          workshopId={workshopId}
          token={session.token}
          control={control}
          hideWhenEmpty={control.phase === 'brainstorm'}
        />
      )}
    </Page>
  )
}
