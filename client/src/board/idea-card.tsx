// One idea card: drag handle, the text edited together, merged duplicates, merge and delete.
import { useDndContext, useDraggable, useDroppable } from '@dnd-kit/core'
import { useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { ideaText, LIMITS, type Card } from '@triage/shared'
import type { MergeOption } from './board-model'
import { cardDropId, type ColumnKey, type DropTarget } from './column-nav'
import { useSharedTextarea } from './use-shared-textarea'
import { moveFocus } from '../ui/focus'

export interface CardActions {
  merge(targetId: string, duplicateId: string): void
  unmerge(id: string): void
  remove(id: string): void
}

/** A card that the group can drag, edit, merge and (if allowed) delete. */
export function EditableCard({
  card,
  column,
  doc,
  mine,
  canDelete,
  confirmDelete = false,
  mergeOptions,
  actions,
}: {
  card: Card
  column: ColumnKey
  doc: Y.Doc
  mine: boolean
  canDelete: boolean
  /** Ask before deleting (the facilitator deleting someone else's idea). */
  confirmDelete?: boolean
  mergeOptions: readonly MergeOption[]
  actions: CardActions
}) {
  const data = useMemo(
    (): DropTarget => ({ kind: 'card', card: card.id, column }),
    [card.id, column],
  )
  const drag = useDraggable({ id: card.id, data })
  const { active } = useDndContext()
  const [confirming, setConfirming] = useState(false)
  const question = useRef<HTMLParagraphElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)
  const classes = ['board-idea']
  if (drag.isDragging) classes.push('board-idea--lifted')
  const askFirst = () => {
    const from = document.activeElement
    setConfirming(true)
    moveFocus(() => question.current, from)
  }
  const keep = () => {
    const from = document.activeElement
    setConfirming(false)
    moveFocus(() => deleteButton.current, from)
  }
  const author = card.author?.name
  return (
    <li ref={drag.setNodeRef} className={classes.join(' ')} data-card={card.id}>
      <div className="board-idea__main">
        <button
          ref={drag.setActivatorNodeRef}
          type="button"
          className="board-idea__handle"
          {...drag.listeners}
          {...drag.attributes}
          aria-label={`Move: ${card.text}`}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <CardTextEditor doc={doc} id={card.id} text={card.text} />
      </div>
      <CardMeta card={card} mine={mine} />
      <MergedTexts card={card} onUnmerge={actions.unmerge} />
      <div className="board-idea__tools">
        <MergeSelect card={card} options={mergeOptions} onMerge={actions.merge} />
        {canDelete && !confirming && (
          <button
            ref={deleteButton}
            type="button"
            className="button button--small button--danger"
            aria-label={`Delete idea: ${card.text}`}
            onClick={() => (confirmDelete ? askFirst() : actions.remove(card.id))}
          >
            Delete
          </button>
        )}
      </div>
      {confirming && (
        <div
          className="confirm board-idea__confirm"
          role="group"
          aria-labelledby={`confirm-${card.id}`}
        >
          <p id={`confirm-${card.id}`} ref={question} tabIndex={-1}>
            {author
              ? `Delete ${author}’s idea for everyone? ${author} will see that it was removed.`
              : 'Delete this participant’s idea for everyone? Its author will see that it was removed.'}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => actions.remove(card.id)}
            >
              Delete idea
            </button>
            <button type="button" className="button button--small" onClick={keep}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {active !== null && String(active.id) !== card.id && (
        <MergeZone card={card.id} column={column} />
      )}
    </li>
  )
}

/**
 * Where a dragged card is dropped to merge into this one: a strip on the card, shown while a
 * card is being dragged, so a drop on the card's body moves into its column instead.
 */
function MergeZone({ card, column }: { card: string; column: ColumnKey }) {
  const data = useMemo((): DropTarget => ({ kind: 'card', card, column }), [card, column])
  const drop = useDroppable({ id: cardDropId(card), data })
  const classes = ['board-idea__merge-zone']
  if (drop.isOver) classes.push('board-idea__merge-zone--over')
  return (
    <div ref={drop.setNodeRef} className={classes.join(' ')} aria-hidden="true">
      {drop.isOver ? 'Release to merge' : 'Drop here to merge'}
    </div>
  )
}

/** A card as the projector and a locked board show it: text only. */
export function StaticCard({ card, mine }: { card: Card; mine: boolean }) {
  return (
    <li className="board-idea">
      <p className="board-idea__text">{card.text}</p>
      <CardMeta card={card} mine={mine} />
      <MergedTexts card={card} />
    </li>
  )
}

/** What the dragged card looks like under the pointer (not interactive). */
export function CardPreview({ card }: { card: Card }) {
  return (
    <div className="board-idea board-idea--preview">
      <p className="board-idea__text">{card.text}</p>
      {card.merged.length > 0 && <p className="board-idea__meta">+ {card.merged.length} merged</p>}
    </div>
  )
}

function CardTextEditor({ doc, id, text }: { doc: Y.Doc; id: string; text: string }) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const shared = useMemo(() => ideaText(doc, id), [doc, id])
  useSharedTextarea(ref, shared)
  return (
    <textarea
      ref={ref}
      className="board-idea__editor"
      aria-label={`Edit idea: ${text}`}
      // The hook owns the value; React keeps the text content (defaultValue) in step.
      defaultValue={text}
      maxLength={LIMITS.ideaText}
      rows={2}
      spellCheck
    />
  )
}

function CardMeta({ card, mine }: { card: Card; mine: boolean }) {
  if (!card.author && !mine) return null
  return (
    <p className="board-idea__meta">
      {mine && <span className="board-idea__tag">Yours</span>}
      {card.author && <span>{card.author.name}</span>}
    </p>
  )
}

function MergedTexts({ card, onUnmerge }: { card: Card; onUnmerge?: (id: string) => void }) {
  if (card.merged.length === 0) return null
  return (
    <div className="board-idea__merged" role="group" aria-label={`Merged into: ${card.text}`}>
      <p className="board-idea__merged-title">
        Merged ({card.merged.length + 1} ideas count as one)
      </p>
      {card.merged.map((m) => (
        <div key={m.id} className="board-idea__merged-item">
          <p className="board-idea__merged-text">{m.text}</p>
          {onUnmerge && (
            <button
              type="button"
              className="button button--small"
              aria-label={`Unmerge: ${m.text}`}
              onClick={() => onUnmerge(m.id)}
            >
              Unmerge
            </button>
          )}
        </div>
      ))}
    </div>
  )
}

/**
 * The merge list fills in while it has the focus or the pointer: every card listing every
 * other card's text would make each card "contain" all texts (n × n options, and no way to find
 * a card by its text).
 */
function MergeSelect({
  card,
  options,
  onMerge,
}: {
  card: Card
  options: readonly MergeOption[]
  onMerge: (targetId: string, duplicateId: string) => void
}) {
  const [open, setOpen] = useState(false)
  if (options.length < 2) return null
  return (
    <select
      className="board-idea__merge"
      aria-label={`Merge: ${card.text}`}
      value=""
      onFocus={() => setOpen(true)}
      onPointerEnter={() => setOpen(true)}
      onPointerLeave={(e) => {
        if (e.currentTarget.ownerDocument.activeElement !== e.currentTarget) setOpen(false)
      }}
      onBlur={() => setOpen(false)}
      onChange={(e) => {
        if (e.target.value) onMerge(e.target.value, card.id)
      }}
    >
      <option value="">Merge into…</option>
      {open &&
        options
          .filter((o) => o.id !== card.id)
          .map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
    </select>
  )
}
