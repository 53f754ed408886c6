// What the idea field says about its length: the count against the limit, and in words once
// the limit is reached (typing then stops, so it must be said, not left to be discovered).

export interface IdeaLength {
  /** "123 / 500" */
  readonly count: string
  /** At the limit: nothing more can be typed. */
  readonly full: boolean
  /** "That is the limit: an idea is at most 500 characters." */
  readonly reached: string
}

export function ideaLengthLine(length: number, limit: number): IdeaLength {
  return {
    count: `${length} / ${limit}`,
    full: length >= limit,
    reached: `That is the limit: an idea is at most ${limit} characters.`,
  }
}
