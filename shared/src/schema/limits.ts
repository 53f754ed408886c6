// Bounds on what people type, as plain numbers (no zod): the join page's form uses them too.

/** Bounds on free text, so that no request or document can grow without limit. */
export const LIMITS = {
  title: 120,
  objective: 1000,
  groupName: 40,
  groups: 12,
  participantName: 40,
  /** One idea, draft or imported item. */
  ideaText: 500,
  clusterName: 60,
  /** Drafts one participant may hold at once. */
  draftsPerParticipant: 100,
  /** Ideas and items on one board. */
  boardIdeas: 2000,
  /** Characters of one pasted or imported list. */
  importText: 100_000,
  /** Longest brainstorm timer, in seconds. */
  timerSeconds: 3600,
} as const
