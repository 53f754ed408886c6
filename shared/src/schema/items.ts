// Candidate items: the things a group votes on, places on the matrix, scores and ranks —
// clusters and ideas of the board, named by a key that says which (`cluster:…`, `idea:…`).
import { z } from './zod.js'

export const candidateItemSchema = z.object({
  key: z.string(),
  kind: z.enum(['cluster', 'idea']),
  /** Cluster name or card text (as text, never markup). */
  label: z.string(),
})
/** One candidate item. */
export type CandidateItem = z.infer<typeof candidateItemSchema>

/** One thing participants can put dots on: a candidate item (the name voting has used). */
export type VoteItem = CandidateItem
