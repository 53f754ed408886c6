// Brainstorm, cluster and vote on the participant's device. Opens the private document
// (drafts, which board ideas are theirs, own dots; kept on the device too, for offline work)
// and the shared board while these phases run; a draft's text and where the dots go are
// written only to the private document, which nobody else syncs.
import { useEffect } from 'react'
import type * as Y from 'yjs'
import { deleteDraft, deleteIdea, editDraft, putDraft, type ControlState } from '@triage/shared'
import { LazyClusterBoard } from '../../../board/lazy-cluster-board'
import { api, messageOf } from '../../../lib/api'
import { useBoardState, usePrivateState } from '../../../sync/use-doc-snapshot'
import { indexedDbStore } from '../../../sync/device-copy'
import { useAwarenessStates, useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { useAnnounce } from '../../../ui/announcer'
import { Countdown } from '../../../ui/countdown'
import { timeUpNews } from '../../../ui/workshop-news'
import { countLabel, ownIdeas, presenceCount } from '../../../board/board-lists'
import { DraftList } from '../../../board/draft-list'
import { IdeaForm } from '../../../board/idea-form'
import { newId } from '../../../lib/new-id'
import { OwnIdeas } from '../../../features/brainstorm/phone/own-ideas'
import { PhoneBoard } from '../../../board/phone-board'
import { useEntryState } from '../../../board/use-entry-state'
import { VotePanel } from '../../../features/voting/phone/vote-panel'

export interface WorkspaceProps {
  workshopId: string
  token: string
  participantId: string
  name: string | null
  control: ControlState
  /** The control document itself, for what ControlState does not carry (voting). */
  controlDoc: Y.Doc
  /** Wide screen: the desktop board (drag and drop) instead of the list. */
  wide: boolean
}

export function Workspace({
  workshopId,
  token,
  participantId,
  name,
  control,
  controlDoc,
  wide,
}: WorkspaceProps) {
  const own = useWorkshopDoc(workshopId, 'private', token, {
    participantId,
    persist: indexedDbStore,
  })
  // The board on the device too: after an offline reload there is still something to vote on.
  const board = useWorkshopDoc(workshopId, 'board', token, { persist: indexedDbStore })
  const { drafts, mine } = usePrivateState(own.doc)
  const boardState = useBoardState(board.doc)
  const peers = useAwarenessStates(board.connection)
  const entry = useEntryState(control)
  const announce = useAnnounce()
  const boardConnection = board.connection
  useEffect(() => {
    // Merged into what the desktop board keeps there (pointer, view).
    boardConnection.patchLocalState({ user: { name } })
  }, [boardConnection, name])

  const { phase, collect, boardLocked: locked } = control
  const groups = control.settings?.groups ?? []
  const silent = collect === 'silent'
  const entryOpen = silent ? entry.drafts : entry.open
  const addToBoard = async (text: string) => {
    try {
      await api.addIdea(workshopId, token, { text })
      announce('Idea added to the board.')
      return null
    } catch (error) {
      return messageOf(error)
    }
  }
  // The lock is said through the page's live region when it changes (ui/announcer.tsx).
  const lockNote = locked && <p className="lock-note">The facilitator has locked the board</p>

  const ideaEntry = (
    <section className="card" aria-labelledby="idea-entry">
      <h2 id="idea-entry" className="card__title">
        {silent && phase === 'brainstorm' ? 'Write your ideas' : 'Add ideas to the board'}
      </h2>
      <Countdown
        timer={control.timer}
        onTimeUp={(timer) => announce(timeUpNews(timer, 'participant'), 'assertive')}
      />
      {silent && phase === 'brainstorm' ? (
        <IdeaForm
          action="Add idea"
          disabled={!entryOpen}
          add={(text) => {
            putDraft(own.doc, newId(), text, Date.now())
            announce(
              `Draft saved: ${countLabel(drafts.length + 1, 'draft')}, only you can see them.`,
            )
            return null
          }}
        />
      ) : (
        <IdeaForm action="Add to board" disabled={!entryOpen} add={addToBoard} />
      )}
      {!entryOpen && (
        <p className="muted small">Time is up: no more ideas for now. Your drafts are kept.</p>
      )}
      {((silent && phase === 'brainstorm') || drafts.length > 0) && (
        <DraftList
          drafts={drafts}
          disabled={!entry.drafts}
          onEdit={(id, text) => {
            editDraft(own.doc, id, text)
            announce('Draft changed.')
          }}
          onDelete={(id) => {
            deleteDraft(own.doc, id)
            announce('Draft deleted.')
          }}
        />
      )}
    </section>
  )

  if (phase === 'vote') {
    return (
      <VotePanel
        controlDoc={controlDoc}
        privateDoc={own.doc}
        board={boardState}
        groups={groups}
        connection={own.state.kind}
      />
    )
  }
  if (phase === 'brainstorm') {
    return (
      <>
        {ideaEntry}
        {lockNote}
        <OwnIdeas
          ideas={ownIdeas(boardState, mine)}
          locked={locked}
          onWithdraw={(id) => {
            deleteIdea(board.doc, id)
            announce('Idea withdrawn from the board.')
          }}
        />
        {boardState.cards.length > 0 && (
          <PhoneBoard
            doc={board.doc}
            board={boardState}
            mine={mine}
            groups={groups}
            interactive={false}
            locked={locked}
          />
        )}
      </>
    )
  }
  return (
    <>
      {collect === 'open' && ideaEntry}
      {collect === 'silent' && drafts.length > 0 && (
        <p className="muted">
          {countLabel(drafts.length, 'draft')} of yours not revealed: only you can see them.
        </p>
      )}
      {wide ? (
        // Drag and drop stays out of what a phone downloads: only wide screens load this board.
        <LazyClusterBoard
          loading={<p className="muted">Loading the board…</p>}
          failed={
            <p className="alert alert--error">
              The board could not be loaded. Reload the page to try again.
            </p>
          }
          doc={board.doc}
          connection={board.connection}
          role="participant"
          mine={mine}
          locked={locked}
          roster={control.roster}
          groups={groups}
        />
      ) : (
        <>
          <p className="presence">{presenceCount(peers, participantId)} on the board</p>
          {lockNote}
          <PhoneBoard
            doc={board.doc}
            board={boardState}
            mine={mine}
            groups={groups}
            interactive
            locked={locked}
          />
        </>
      )}
    </>
  )
}
