// The participant's work in the current phase, under its instruction: the phase's phone part
// (app/phases.ts), loaded as its own chunk when the phase starts, so that the route's first
// download stays small (scripts/check-bundle.mjs). This frame opens the participant's private
// document and the shared board, both kept on the device for offline work, and keeps them open
// from one phase with phone work to the next.
import { useEffect } from 'react'
import type { PhonePart, PhonePartProps } from '../../../lib/phase-parts'
import { indexedDbStore } from '../../../sync/device-copy'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { usePart, type LazyPart } from '../../../ui/lazy-part'

export function PhoneWork({
  part,
  name,
  ...props
}: Omit<PhonePartProps, 'own' | 'board'> & {
  part: LazyPart<PhonePart>
  /** The participant's name, shown to others on the board (awareness). */
  name: string | null
}) {
  const { workshopId, token, participantId } = props
  const own = useWorkshopDoc(workshopId, 'private', token, {
    participantId,
    persist: indexedDbStore,
  })
  // The board on the device too: after an offline reload there is still something to vote on.
  const board = useWorkshopDoc(workshopId, 'board', token, { persist: indexedDbStore })
  const boardConnection = board.connection
  useEffect(() => {
    // Merged into what the desktop board keeps there (pointer, view).
    boardConnection.patchLocalState({ user: { name } })
  }, [boardConnection, name])
  const loaded = usePart(part)

  if (loaded.kind === 'ready') {
    const Part = loaded.value
    return <Part {...props} own={own} board={board} />
  }
  return loaded.kind === 'failed' ? (
    <div className="card">
      <p>This part of the page could not be loaded. Check your connection.</p>
      <button className="button" type="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </div>
  ) : (
    <p className="muted">Loading…</p>
  )
}
