// The board on a phone: a list per cluster, each card with a "move to cluster" select rather
// than a tiny canvas to drag on. Read-only (no actions) while ideas are still being collected.
import { useId, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import {
  clusterNameSchema,
  createCluster,
  deleteIdea,
  LIMITS,
  moveIdea,
  type BoardState,
  type Card,
  type Group,
} from '@triage/shared'
import { ErrorAlert } from '../ui/alert'
import { useAnnounce } from '../ui/announcer'
import { moveFocus } from '../ui/focus'
import { boardLists, countLabel, nextClusterName, type CardList } from './board-lists'
import { newId } from '../lib/new-id'
import { identityLine } from '../lib/identity-line'
import { UndoToast } from './undo-toast'
import { boardUndoScope, useUndo, type Undo } from './use-undo'

export interface PhoneBoardProps {
  doc: Y.Doc
  board: BoardState
  mine: ReadonlySet<string>
  groups: readonly Group[]
  /** False while brainstorming: the cards are shown, not sorted. */
  interactive: boolean
  locked: boolean
}

export function PhoneBoard(props: PhoneBoardProps) {
  const { board, interactive } = props
  const id = useId()
  const lists = boardLists(board)
  const announce = useAnnounce()
  const undo = useUndo(props.doc, boardUndoScope, { onUndone: () => announce('Undone.') })
  return (
    <section className="card phone-board" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        Board
      </h2>
      {interactive && <NewClusterForm {...props} />}
      {lists.map((list) =>
        // While brainstorming, empty clusters are noise.
        interactive || list.cards.length > 0 ? (
          <CardGroup key={list.id ?? ''} list={list} lists={lists} undo={undo} {...props} />
        ) : null,
      )}
      {!interactive && board.cards.length === 0 && (
        <p className="muted">No ideas on the board yet.</p>
      )}
      {interactive && !props.locked && <UndoToast undo={undo} />}
    </section>
  )
}

function CardGroup({
  list,
  lists,
  ...props
}: PhoneBoardProps & { list: CardList; lists: CardList[]; undo: Undo }) {
  const id = useId()
  return (
    <div className="card-group">
      <div className="card-group__head">
        <h3 id={id} tabIndex={-1}>
          {list.name}
        </h3>
        <span className="muted small">{countLabel(list.cards.length, 'idea')}</span>
      </div>
      <ul className="item-list" aria-labelledby={id}>
        {list.cards.map((card) => (
          <CardItem key={card.id} card={card} lists={lists} headingId={id} {...props} />
        ))}
      </ul>
    </div>
  )
}

function CardItem({
  card,
  lists,
  headingId,
  doc,
  mine,
  groups,
  interactive,
  locked,
  undo,
}: PhoneBoardProps & { card: Card; lists: CardList[]; headingId: string; undo: Undo }) {
  const announce = useAnnounce()
  const author = card.author && identityLine(card.author.name, card.author.group, groups)
  const moveId = `move-to-${card.id}`
  const move = (clusterId: string) => {
    const from = document.activeElement
    moveIdea(doc, card.id, clusterId || null, undo.origin)
    const to = lists.find((l) => (l.id ?? '') === clusterId)?.name ?? 'the cluster'
    announce(`Moved to ${to}.`)
    undo.done(`Moved to ${to}.`)
    // The card is drawn again under its new cluster: its list keeps the focus there.
    moveFocus(() => document.getElementById(moveId), from)
  }
  const remove = () => {
    const from = document.activeElement
    deleteIdea(doc, card.id, undo.origin)
    announce('Idea deleted from the board.')
    undo.done('Idea deleted.')
    moveFocus(() => document.getElementById(headingId), from)
  }
  return (
    <li className="item">
      <p className="item__text">{card.text}</p>
      {card.merged.map((m) => (
        <p key={m.id} className="item__merged">
          <span className="muted">Merged: </span>
          {m.text}
        </p>
      ))}
      {author && <p className="muted small">by {author}</p>}
      {interactive && (
        <div className="item__actions">
          <label className="item__move">
            <span className="small">Move to</span>
            <select
              id={moveId}
              aria-label={`Move to cluster: ${card.text}`}
              value={card.clusterId ?? ''}
              disabled={locked}
              onChange={(e) => move(e.target.value)}
            >
              {lists.map((l) => (
                <option key={l.id ?? ''} value={l.id ?? ''}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          {mine.has(card.id) && (
            <button
              className="button"
              type="button"
              aria-label={`Delete idea: ${card.text}`}
              disabled={locked}
              onClick={remove}
            >
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  )
}

function NewClusterForm({ doc, board, locked }: PhoneBoardProps) {
  const id = useId()
  const announce = useAnnounce()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = clusterNameSchema.safeParse(name)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the name.')
    const clusterName = parsed.data || nextClusterName(board)
    createCluster(doc, newId(), clusterName, Date.now())
    announce(`Cluster ${clusterName} created.`)
    setName('')
    setError(null)
  }
  return (
    <form className="form new-cluster" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>Name of a new cluster</label>
        <div className="input-with-button">
          <input
            id={id}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={LIMITS.clusterName}
            autoComplete="off"
            disabled={locked}
          />
          <button className="button" type="submit" disabled={locked}>
            New cluster
          </button>
        </div>
      </div>
      <ErrorAlert message={error} />
    </form>
  )
}

/** Shown on the phone while the board is locked (the change itself is said: ui/announcer.tsx). */
export function LockNote({ locked }: { locked: boolean }) {
  return locked ? <p className="lock-note">The facilitator has locked the board</p> : null
}
