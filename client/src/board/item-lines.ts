// Words about candidate items: how many, and what the facilitator is told after adding some.

/** "1 item", "0 items", "3 items". */
export function itemCount(n: number): string {
  return n === 1 ? '1 item' : `${n} items`
}

/** What the facilitator is told after adding candidate items. */
export function importResultLine({ added, skipped }: { added: number; skipped: number }) {
  const line = `Added ${itemCount(added)}`
  return skipped > 0 ? `${line} (${skipped} skipped)` : line
}

/** What the facilitator hears after adding candidate items. */
export function importNews({ added, skipped }: { added: number; skipped: number }): string {
  const line = `${itemCount(added)} put on the board.`
  return skipped > 0 ? `${line} ${skipped} skipped.` : line
}
