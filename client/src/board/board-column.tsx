// A column of the board: "Unclustered" or one cluster (its name edited in place), holding cards.
import { useDroppable } from '@dnd-kit/core'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { clusterNameSchema, LIMITS } from '@triage/shared'
import { clusterLabel } from './board-model'
import { columnDropId, UNCLUSTERED, type ColumnKey, type DropTarget } from './column-nav'

export function BoardColumn({
  column,
  name,
  count,
  droppable,
  header,
  children,
}: {
  column: ColumnKey
  /** The list's accessible name: "Unclustered" or the cluster's name. */
  name: string
  count: number
  droppable: boolean
  header: ReactNode
  children: ReactNode
}) {
  const data = useMemo((): DropTarget => ({ kind: 'column', column }), [column])
  const { setNodeRef, isOver } = useDroppable({
    id: columnDropId(column),
    data,
    disabled: !droppable,
  })
  const classes = ['board-column']
  if (column === UNCLUSTERED) classes.push('board-column--unclustered')
  if (isOver) classes.push('board-column--over')
  return (
    <div ref={setNodeRef} className={classes.join(' ')} data-column={column}>
      <div className="board-column__head">
        {header}
        <p className="board-column__count">{count === 1 ? '1 idea' : `${count} ideas`}</p>
      </div>
      <ul className="board-column__list" aria-label={name}>
        {children}
      </ul>
      {count === 0 && (
        <p className="board-column__empty">{droppable ? 'Drop ideas here' : 'No ideas yet'}</p>
      )}
      {isOver && (
        <p className="board-column__drop-hint" aria-hidden="true">
          Drop to move here
        </p>
      )}
    </div>
  )
}

/**
 * The cluster's name, edited in place: committed on Enter or when focus leaves, put back on
 * Escape. The accessible name carries the committed name, so it does not change while typing.
 */
export function ClusterNameField({
  name,
  focusNow,
  onRename,
  onFocused,
}: {
  name: string
  focusNow: boolean
  onRename: (name: string) => void
  onFocused: () => void
}) {
  const ref = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** Set by Escape, so the blur that follows does not commit. */
  const cancelled = useRef(false)
  useEffect(() => {
    if (!focusNow || !ref.current) return
    ref.current.focus()
    ref.current.select()
    onFocused()
  }, [focusNow, onFocused])

  const commit = () => {
    if (cancelled.current) {
      cancelled.current = false
      return
    }
    if (draft === null) return
    const parsed = clusterNameSchema.safeParse(draft)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'That name cannot be used')
      return
    }
    setError(null)
    setDraft(null)
    // A blank name is taken as "never mind": the cluster keeps its name.
    if (parsed.data.length > 0 && parsed.data !== name) onRename(parsed.data)
  }

  const label = clusterLabel(name)
  return (
    <div className="board-cluster-name">
      <input
        ref={ref}
        className="board-cluster-name__input"
        aria-label={`Cluster name: ${label}`}
        aria-invalid={error ? true : undefined}
        value={draft ?? name}
        maxLength={LIMITS.clusterName}
        onFocus={() => setDraft(name)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          } else if (e.key === 'Escape') {
            cancelled.current = true
            setDraft(null)
            setError(null)
            e.currentTarget.blur()
          }
        }}
      />
      {error && (
        <p className="board-cluster-name__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
