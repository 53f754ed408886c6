// The facilitator's console (loaded lazily): phase controls, live roster, how to join, and
// what the current phase needs (brainstorm timer and reveal, items, the board and its lock,
// dot voting and its results).
import { useMemo, useState } from 'react'
import { setPhase, type ControlState } from '@triage/shared'
import type * as Y from 'yjs'
import { paths } from '../../../lib/paths'
import { loadSession, type StoredSession } from '../../../lib/session-store'
import { onlineParticipantIds } from '../../../sync/awareness'
import { useControlState } from '../../../sync/use-control-state'
import { useAwarenessStates, useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { Notice } from '../../../ui/alert'
import { ConnectionBadge } from '../../../ui/connection-badge'
import { Page, Section } from '../../../ui/layout'
import { Link } from '../../../ui/link'
import { SessionEnded } from '../../../ui/session-ended'
import { useDocumentTitle } from '../../../ui/use-document-title'
import { useControlNews } from '../../../ui/announcer'
import { BoardArea } from '../../../board/board-area'
import { BoardControls } from '../../../board/board-controls'
import { ItemsPanel } from '../../../board/items-panel'
import { JoinPanel } from './join-panel'
import { PhaseStepper } from './phase-stepper'
import { ProgressPanel } from '../../../features/brainstorm/console/progress-panel'
import { RevealControls } from '../../../features/brainstorm/console/reveal-controls'
import { RosterPanel } from './roster-panel'
import { groupRoster, type RosterGroup } from '../../../lib/roster-groups'
import { TimerControls } from '../../../features/brainstorm/console/timer-controls'
import { useJoinCode } from './use-join-code'
import { VoteResultsPanel } from '../../../results/vote-results-panel'
import { VotingPanel } from '../../../features/voting/console/voting-panel'
import { WorkshopPanel } from './workshop-panel'
import './console.css'

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
  useControlNews(control, 'facilitator')

  if (state.kind === 'ended') {
    return (
      <Page status={<ConnectionBadge kind={state.kind} />}>
        <SessionEnded code={state.closeCode} />
      </Page>
    )
  }
  const setup = control.phase === 'setup'
  const ready = control.settings !== null
  return (
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
      {ready && control.phase === 'cluster' && (
        // Clustering is the work now: the board comes first, at full width.
        <BoardArea
          workshopId={workshopId}
          token={session.token}
          control={control}
          toolbar={<BoardControls doc={doc} control={control} openAdding />}
        />
      )}
      <div className="console-layout">
        <div className="console-main">
          {setup && <JoinPanel joinCode={joinCode} />}
          {ready && (
            <PhaseWork
              workshopId={workshopId}
              token={session.token}
              doc={doc}
              control={control}
              groups={groups}
            />
          )}
        </div>
        <div className="console-side">
          <PhaseStepper
            phase={control.phase}
            ready={ready}
            onChange={(phase) => setPhase(doc, phase)}
          />
          <RosterPanel groups={groups} />
          {!setup && <JoinPanel joinCode={joinCode} collapsed />}
          <WorkshopPanel workshopId={workshopId} token={session.token} />
        </div>
      </div>
      {ready && control.phase === 'brainstorm' && (
        <BoardArea
          workshopId={workshopId}
          token={session.token}
          control={control}
          emptyNote="Ideas appear here once you reveal them."
        />
      )}
    </Page>
  )
}

/** The panels the current phase needs; the rest stay out of the way. */
function PhaseWork({
  workshopId,
  token,
  doc,
  control,
  groups,
}: {
  workshopId: string
  token: string
  doc: Y.Doc
  control: ControlState
  groups: readonly RosterGroup[]
}) {
  switch (control.phase) {
    case 'setup':
      return <ItemsPanel workshopId={workshopId} token={token} />
    case 'brainstorm':
      return (
        <>
          <section className="card brainstorm-panel" aria-labelledby="brainstorm-heading">
            <h2 id="brainstorm-heading" className="card__title">
              Silent brainstorm
            </h2>
            <div className="brainstorm-panel__grid">
              <TimerControls workshopId={workshopId} token={token} timer={control.timer} />
              <RevealControls workshopId={workshopId} token={token} doc={doc} control={control} />
            </div>
          </section>
          <ProgressPanel groups={groups} progress={control.progress} />
          <ItemsPanel workshopId={workshopId} token={token} />
        </>
      )
    case 'cluster':
      // The board and its controls sit above, at full width.
      return <ItemsPanel workshopId={workshopId} token={token} />
    case 'vote':
      return (
        <>
          <VotingPanel
            workshopId={workshopId}
            token={token}
            doc={doc}
            control={control}
            groups={groups}
          />
          <Section title="Board" id="board-controls-heading">
            <p className="hint">
              Lock the board while people vote, so that the items do not change under them.
            </p>
            <BoardControls doc={doc} control={control} />
          </Section>
        </>
      )
    default:
      return (
        <>
          <Section title="Board" id="board-controls-heading">
            <BoardControls doc={doc} control={control} />
          </Section>
          <VoteResultsPanel doc={doc} groups={control.settings?.groups ?? []} />
        </>
      )
  }
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
