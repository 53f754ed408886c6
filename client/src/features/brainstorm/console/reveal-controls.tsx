// Reveal and rounds: put every draft on the board, open adding, or start another silent round.
import { useId, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { setCollectMode, startSilentRound, type ControlState } from '@triage/shared'
import { api } from '../../../lib/api'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { moveFocus } from '../../../ui/focus'
import { ideaCount, progressTotals, revealNews, revealResultLine } from './brainstorm-progress'
import { useAction } from '../../../lib/use-action'
import { useBoardState } from '../../../sync/use-doc-states'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'

export function RevealControls({
  workshopId,
  token,
  doc,
  control,
}: {
  workshopId: string
  token: string
  /** The control document, which the facilitator writes directly. */
  doc: Y.Doc
  control: ControlState
}) {
  const id = useId()
  const action = useAction()
  const [result, setResult] = useState('')
  const announce = useAnnounce()
  const revealButton = useRef<HTMLButtonElement>(null)
  const totals = progressTotals(control.progress)
  // Every card on the board (the facilitator's items and open adding too), not only reveals.
  const board = useBoardState(useWorkshopDoc(workshopId, 'board', token).doc)
  const open = control.collect === 'open'

  const reveal = async () => {
    if (action.pending) return
    const from = document.activeElement
    const answer = await action.run(() => api.reveal(workshopId, token))
    if (answer) {
      setResult(revealResultLine(answer))
      announce(revealNews(answer))
    }
    // Still there for the next round: the focus stays on it.
    moveFocus(() => revealButton.current, from)
  }

  return (
    <div className="reveal-controls" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Reveal · round {control.round}
      </h3>
      <p className="muted">
        {ideaCount(totals.drafts)} waiting to be revealed · {ideaCount(board.cards.length)} on the
        board
      </p>
      <div className="button-row">
        <button
          ref={revealButton}
          className="button button--primary"
          type="button"
          aria-disabled={action.pending || undefined}
          onClick={() => void reveal()}
        >
          Reveal ideas
        </button>
      </div>
      {/* Said through the page's live region; not role=status (that is the connection badge). */}
      <div className="result-line">{result}</div>
      <div className="field--check">
        <input
          id={`${id}-open`}
          type="checkbox"
          checked={open}
          onChange={(e) => setCollectMode(doc, e.target.checked ? 'open' : 'silent')}
        />
        <label htmlFor={`${id}-open`}>Open adding</label>
      </div>
      <p className="hint">
        {open
          ? 'Ideas go straight to the board, visible to everyone.'
          : 'Ideas stay private drafts until you reveal them.'}
      </p>
      <div className="button-row">
        <button
          className="button"
          type="button"
          onClick={() => {
            setResult('')
            startSilentRound(doc)
          }}
        >
          Start another silent round
        </button>
      </div>
      <ErrorAlert message={action.error} />
    </div>
  )
}
