// The board's and a participant's private document as snapshots (use-doc-snapshot.ts), apart
// from the control state's: the phone view reads only control, and its download should not carry
// the board's and the private document's readers, which only the phases' own screens use.
import type * as Y from 'yjs'
import { readBoard, readPrivate, type BoardState, type PrivateState } from '@triage/shared'
import { useDocSnapshot } from './use-doc-snapshot'

export const useBoardState = (doc: Y.Doc): BoardState => useDocSnapshot(doc, readBoard)
export const usePrivateState = (doc: Y.Doc): PrivateState => useDocSnapshot(doc, readPrivate)
