// Typed access to the shared board document. Issue 4 fills in ideas and clusters;
// for now the board holds free-form shared notes.
import type * as Y from 'yjs'

const NOTES = 'notes'

/** The shared notes text of the board (collaboratively edited). */
export function boardNotes(doc: Y.Doc): Y.Text {
  return doc.getText(NOTES)
}

/** Reads the shared notes as a plain string. */
export function readBoardNotes(doc: Y.Doc): string {
  return doc.getText(NOTES).toString()
}
