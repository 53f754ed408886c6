// Lock the board for participants and, where a phase collects ideas, keep or stop open adding.
import { useId } from 'react'
import type * as Y from 'yjs'
import { setBoardLocked, setCollectMode, type ControlState } from '@triage/shared'
import { LockIcon } from '../ui/lock-icon'

export function BoardControls({
  doc,
  control,
  openAdding = false,
}: {
  doc: Y.Doc
  control: ControlState
  /** Also the switch for open adding (ideas straight onto the board). */
  openAdding?: boolean
}) {
  const id = useId()
  const open = control.collect === 'open'
  return (
    <div className="board-controls" role="group" aria-label="Board controls">
      <div className="board-controls__item">
        <div className="field--check">
          <input
            id={`${id}-lock`}
            type="checkbox"
            checked={control.boardLocked}
            aria-describedby={`${id}-lock-hint`}
            onChange={(e) => setBoardLocked(doc, e.target.checked)}
          />
          <label htmlFor={`${id}-lock`}>Lock board</label>
        </div>
        <p id={`${id}-lock-hint`} className="hint">
          {control.boardLocked ? (
            <>
              <LockIcon /> Locked: participants see the board but cannot change it. You still can.
            </>
          ) : (
            'Unlocked: everyone can move, merge and edit cards.'
          )}
        </p>
      </div>
      {openAdding && (
        <div className="board-controls__item">
          <div className="field--check">
            <input
              id={`${id}-open`}
              type="checkbox"
              checked={open}
              aria-describedby={`${id}-open-hint`}
              onChange={(e) => setCollectMode(doc, e.target.checked ? 'open' : 'silent')}
            />
            <label htmlFor={`${id}-open`}>Open adding</label>
          </div>
          <p id={`${id}-open-hint`} className="hint">
            {open
              ? 'Participants can add ideas straight to the board.'
              : 'Participants cannot add ideas now.'}
          </p>
        </div>
      )}
    </div>
  )
}
