// The toast after an action that can be undone: what was done and an "Undo" button. Its
// status region is always on the page, so what appears in it is read out.
import type { Undo } from './use-undo'
import './undo-toast.css'

export function UndoToast({ undo }: { undo: Undo }) {
  const { toast } = undo
  return (
    <div className="undo-toast" role="status">
      {toast && (
        <div className="undo-toast__body" key={toast.id}>
          <span>{toast.message}</span>
          <button type="button" className="button button--small" onClick={() => undo.undo()}>
            Undo
          </button>
          <button
            type="button"
            className="button button--small"
            aria-label="Dismiss"
            onClick={undo.dismiss}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  )
}
