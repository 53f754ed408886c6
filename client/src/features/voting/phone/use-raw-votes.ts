// This participant's own votes as their private document holds them (anything at all: the
// view reads them through the count), re-rendering on each change.
import type * as Y from 'yjs'
import { readRawVotes } from '@triage/shared'
import { useDocSnapshot } from '../../../sync/use-doc-snapshot'

export const useRawVotes = (privateDoc: Y.Doc): Record<string, unknown> =>
  useDocSnapshot(privateDoc, readRawVotes)
