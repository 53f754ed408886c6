// The desktop cluster board (loaded lazily: the only code that imports @dnd-kit): idea cards in
// "Unclustered" and one column per cluster, moved by mouse, touch or keyboard, merged, edited
// together; who is here and where their pointers are.
import { DndContext, DragOverlay, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core'
import { useCallback, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import {
  createCluster,
  deleteIdea,
  dissolveCluster,
  mergeIdeas,
  moveIdea,
  renameCluster,
  unmergeIdea,
  type Group,
  type RosterEntry,
} from '@triage/shared'
import type { DocConnection } from '../sync/doc-connection'
import { useBoardState } from '../sync/use-doc-states'
import { useAnnounce } from '../ui/announcer'
import { moveFocus } from '../ui/focus'
import { usePrefersReducedMotion } from '../ui/reduced-motion'
import { boardAnnouncements, SCREEN_READER_INSTRUCTIONS, spokenThrough } from './announcements'
import { BoardColumn, ClusterNameField } from './board-column'
import { boardWords, clusterLabel, columnOrder, mergeChoices, nextClusterName } from './board-model'
import { boardCollisions, useBoardSensors } from './board-dnd'
import { clusterOf, readTarget, UNCLUSTERED, type ColumnKey } from './column-nav'
import { CardPreview, EditableCard, StaticCard, type CardActions } from './idea-card'
import { CursorLayer, PresenceList } from './presence-layer'
import { peerCursors, presentPeople, type BoardRole } from './presence'
import { useBoardPresence } from './use-board-presence'
import { newId } from '../lib/new-id'
import { UndoToast } from './undo-toast'
import { boardUndoScope, useUndo } from './use-undo'
import './board.css'
import { LockIcon } from '../ui/lock-icon'

export interface ClusterBoardProps {
  /** The board document. */
  readonly doc: Y.Doc
  /** The board document's connection (from useWorkshopDoc(workshopId, 'board', token)): presence. */
  readonly connection: DocConnection
  readonly role: BoardRole
  /** Participant: ids of their own ideas, which they may delete. */
  readonly mine?: ReadonlySet<string>
  /** Participants only look while the facilitator has locked the board. */
  readonly locked: boolean
  /** Names for presence. */
  readonly roster: Readonly<Record<string, RosterEntry>>
  readonly groups: readonly Group[]
  /** Projector: scroll along with the facilitator's console. */
  readonly follow?: boolean
}

const NO_IDEAS: ReadonlySet<string> = new Set()

const noTransition = () => undefined

/** A card's drag handle, found by its card. */
const handleOf = (region: HTMLElement | null, cardId: string) =>
  region?.querySelector(`[data-card="${CSS.escape(cardId)}"] .board-idea__handle`)

/** A column's heading (or name field), found by its column. */
const columnOf = (region: HTMLElement | null, column: ColumnKey) =>
  region?.querySelector(
    `[data-column="${CSS.escape(column)}"] :is(.board-column__title, .board-cluster-name__input)`,
  )

export default function ClusterBoard({
  doc,
  connection,
  role,
  mine = NO_IDEAS,
  locked,
  roster,
  groups,
  follow = false,
}: ClusterBoardProps) {
  const board = useBoardState(doc)
  const canEdit = role === 'facilitator' || (role === 'participant' && !locked)
  const regionRef = useRef<HTMLElement>(null)
  const boardRef = useRef<HTMLDivElement>(null)
  const presence = useBoardPresence({
    connection,
    role,
    board: boardRef,
    region: regionRef,
    follow,
  })
  const people = useMemo(
    () => presentPeople(presence.peers, presence.ownClientId, roster, groups, role),
    [presence.peers, presence.ownClientId, roster, groups, role],
  )
  const cursors = useMemo(
    () => peerCursors(presence.peers, presence.ownClientId, roster, groups),
    [presence.peers, presence.ownClientId, roster, groups],
  )

  // dnd-kit reads these while a drag runs; they follow the board as last rendered.
  const latest = useRef(board)
  latest.current = board
  const words = useCallback(() => boardWords(latest.current), [])
  const order = useCallback(() => columnOrder(latest.current), [])
  const sensors = useBoardSensors(order)
  const announce = useAnnounce()
  const announcements = useMemo(
    () => spokenThrough(boardAnnouncements(words), (m) => announce(m, 'assertive')),
    [words, announce],
  )

  const undo = useUndo(doc, boardUndoScope, {
    shortcut: canEdit,
    onUndone: () => announce('Undone.'),
  })
  const { origin, done } = undo

  const reducedMotion = usePrefersReducedMotion()
  const [activeId, setActiveId] = useState<string | null>(null)
  const [focusCluster, setFocusCluster] = useState<string | null>(null)
  const clearFocus = useCallback(() => setFocusCluster(null), [])

  // Each of these takes away the control that was used: the focus goes to the card that is
  // left (merge, unmerge) or to the column's list (delete), and what happened is said.
  const actions = useMemo(
    (): CardActions => ({
      merge: (target, duplicate) => {
        const from = document.activeElement
        mergeIdeas(doc, target, duplicate, origin)
        announce(`Merged into idea "${words().cardText(target)}".`)
        done('Ideas merged.')
        moveFocus(() => handleOf(regionRef.current, target), from)
      },
      unmerge: (id) => {
        const from = document.activeElement
        unmergeIdea(doc, id, origin)
        announce('Idea unmerged: it is a card of its own again.')
        moveFocus(() => handleOf(regionRef.current, id), from)
      },
      remove: (id) => {
        const from = document.activeElement
        const column = words().cardColumn(id)
        deleteIdea(doc, id, origin)
        announce('Idea deleted.')
        done('Idea deleted.')
        moveFocus(() => columnOf(regionRef.current, column), from)
      },
    }),
    [doc, announce, words, origin, done],
  )
  const mergeOptions = useMemo(() => mergeChoices(board), [board])

  const onDragStart = ({ active }: DragStartEvent) => setActiveId(String(active.id))
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null)
    const id = String(active.id)
    const target = over ? readTarget(over.data.current) : null
    if (!canEdit || !target) return
    if (target.kind === 'card') {
      mergeIdeas(doc, target.card, id, origin)
      done('Ideas merged.')
    } else if (target.column !== words().cardColumn(id)) {
      moveIdea(doc, id, clusterOf(target.column), origin)
      done('Idea moved.')
    }
  }

  const newCluster = () => {
    const id = newId()
    const name = nextClusterName(board)
    createCluster(doc, id, name, Date.now(), [], origin)
    announce(`Cluster ${name} created. Type its name.`)
    setFocusCluster(id)
  }
  const dissolve = (id: string, name: string) => {
    const from = document.activeElement
    dissolveCluster(doc, id, origin)
    announce(`Cluster ${name} dissolved: its ideas are back in Unclustered.`)
    done(`Cluster ${name} dissolved.`)
    moveFocus(() => columnOf(regionRef.current, UNCLUSTERED), from)
  }

  const cardsById = useMemo(() => new Map(board.cards.map((c) => [c.id, c])), [board])
  const renderCards = (ids: readonly string[], column: ColumnKey) =>
    ids.flatMap((id) => {
      const card = cardsById.get(id)
      if (!card) return []
      const own = mine.has(card.id)
      return canEdit ? (
        <EditableCard
          key={id}
          card={card}
          column={column}
          doc={doc}
          mine={own}
          canDelete={role === 'facilitator' || own}
          confirmDelete={role === 'facilitator' && card.source === 'participant' && !own}
          mergeOptions={mergeOptions}
          actions={actions}
        />
      ) : (
        <StaticCard key={id} card={card} mine={own} />
      )
    })
  const active = activeId ? cardsById.get(activeId) : undefined

  return (
    <section ref={regionRef} className={`board board--${role}`} aria-label="Board">
      <div className="board__bar">
        {canEdit && (
          <button type="button" className="button button--primary" onClick={newCluster}>
            New cluster
          </button>
        )}
        {role === 'participant' && locked && (
          <p className="board__notice">
            <LockIcon /> The facilitator has locked the board
          </p>
        )}
        {role === 'facilitator' && locked && (
          <p className="board__notice">
            <LockIcon /> Locked: participants can only look
          </p>
        )}
        <PresenceList people={people} />
      </div>
      {/* Nothing to undo with while the board is locked: the server would refuse it. */}
      {canEdit && <UndoToast undo={undo} />}
      <DndContext
        sensors={sensors}
        collisionDetection={boardCollisions}
        accessibility={{ announcements, screenReaderInstructions: SCREEN_READER_INSTRUCTIONS }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
      >
        <div
          ref={boardRef}
          className="board__columns"
          onPointerMove={presence.onPointerMove}
          onPointerLeave={presence.onPointerLeave}
        >
          <BoardColumn
            column={UNCLUSTERED}
            name="Unclustered"
            count={board.unclustered.length}
            droppable={canEdit}
            header={<h3 className="board-column__title">Unclustered</h3>}
          >
            {renderCards(board.unclustered, UNCLUSTERED)}
          </BoardColumn>
          {board.clusters.map((cluster) => (
            <BoardColumn
              key={cluster.id}
              column={cluster.id}
              name={clusterLabel(cluster.name)}
              count={cluster.cardIds.length}
              droppable={canEdit}
              header={
                canEdit ? (
                  <div className="board-column__title-row">
                    <ClusterNameField
                      name={cluster.name}
                      focusNow={focusCluster === cluster.id}
                      onFocused={clearFocus}
                      onRename={(name) => renameCluster(doc, cluster.id, name)}
                    />
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Dissolve cluster ${clusterLabel(cluster.name)}`}
                      onClick={() => dissolve(cluster.id, clusterLabel(cluster.name))}
                    >
                      Dissolve
                    </button>
                  </div>
                ) : (
                  <h3 className="board-column__title">{clusterLabel(cluster.name)}</h3>
                )
              }
            >
              {renderCards(cluster.cardIds, cluster.id)}
            </BoardColumn>
          ))}
          <CursorLayer cursors={cursors} board={boardRef} />
        </div>
        {/* A keyboard move slides the card to the next column, unless less motion is asked
            for: then it jumps there. */}
        <DragOverlay dropAnimation={null} transition={reducedMotion ? noTransition : undefined}>
          {active && <CardPreview card={active} />}
        </DragOverlay>
      </DndContext>
    </section>
  )
}
