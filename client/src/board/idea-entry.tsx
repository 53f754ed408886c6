// Writing ideas on the phone: private drafts during a silent brainstorm, or straight onto the
// board while adding is open, against the timer; with the participant's drafts to edit or
// delete. A draft's text is written only to the private document, which nobody else syncs.
import {
  deleteDraft,
  draftsType,
  editDraft,
  putDraft,
  type ControlState,
  type Draft,
} from '@triage/shared'
import type * as Y from 'yjs'
import { api, messageOf } from '../lib/api'
import { newId } from '../lib/new-id'
import { useAnnounce } from '../ui/announcer'
import { Countdown } from '../ui/countdown'
import { timeUpNews } from '../ui/workshop-news'
import { countLabel } from './board-lists'
import { DraftList } from './draft-list'
import { IdeaForm } from './idea-form'
import { UndoToast } from './undo-toast'
import { useUndo } from './use-undo'
import { useEntryState } from './use-entry-state'

export function IdeaEntry({
  workshopId,
  token,
  control,
  privateDoc,
  drafts,
  drafting,
}: {
  workshopId: string
  token: string
  control: ControlState
  /** This participant's private document, where drafts live. */
  privateDoc: Y.Doc
  drafts: readonly Draft[]
  /** Ideas are written as private drafts (a silent brainstorm), not onto the board. */
  drafting: boolean
}) {
  const entry = useEntryState(control)
  const announce = useAnnounce()
  const undo = useUndo(privateDoc, draftsType, { onUndone: () => announce('Draft put back.') })
  const entryOpen = drafting ? entry.drafts : entry.open
  const addToBoard = async (text: string) => {
    try {
      await api.addIdea(workshopId, token, { text })
      announce('Idea added to the board.')
      return null
    } catch (error) {
      return messageOf(error)
    }
  }
  return (
    <section className="card" aria-labelledby="idea-entry">
      <h2 id="idea-entry" className="card__title">
        {drafting ? 'Write your ideas' : 'Add ideas to the board'}
      </h2>
      <Countdown
        timer={control.timer}
        onTimeUp={(timer) => announce(timeUpNews(timer, 'participant'), 'assertive')}
      />
      {drafting ? (
        <IdeaForm
          action="Add idea"
          disabled={!entryOpen}
          add={(text) => {
            putDraft(privateDoc, newId(), text, Date.now())
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
      {(drafting || drafts.length > 0) && (
        <DraftList
          drafts={drafts}
          disabled={!entry.drafts}
          onEdit={(id, text) => {
            editDraft(privateDoc, id, text)
            announce('Draft changed.')
          }}
          onDelete={(id) => {
            deleteDraft(privateDoc, id, undo.origin)
            announce('Draft deleted.')
            undo.done('Draft deleted.')
          }}
        />
      )}
      <UndoToast undo={undo} />
    </section>
  )
}
