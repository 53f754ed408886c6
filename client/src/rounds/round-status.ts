// The lifecycle every sealed round shares (DESIGN.md, "Sealed rounds"): set up, open (each
// participant's input is private; the facilitator sees counts only), closed (sealed), revealed
// (an aggregate is shown). Dot voting is the first round; 2x2 ratings, weight proposals and
// criterion scores follow the same states, so the screens read them from here.

/** A sealed round's state, as the control document holds it (voting's status is one). */
export type RoundStatus = 'setup' | 'open' | 'closed' | 'revealed'

/** While open or closed the facilitator follows each participant's progress: counts, never values. */
export function showsProgress(status: RoundStatus): boolean {
  return status === 'open' || status === 'closed'
}

/**
 * The results, once the round is revealed; null before (hidden until reveal) and after a reopen,
 * whatever the document holds besides.
 */
export function revealedResults<R>(status: RoundStatus, results: R | null): R | null {
  return status === 'revealed' ? results : null
}
