// Which of a document's stored sequence numbers a node's copy holds. Sequence numbers are dense
// per document (the PostgreSQL store numbers appends 1, 2, 3… under a row lock), so "everything
// up to N is applied" is one number, and anything seen above it marks a gap until it closes.

export class Watermark {
  /** Every sequence number up to this one is in the document. */
  private mark: number
  /** Ranges applied above the mark, as [from, to] with from > mark + 1, kept sorted. */
  private above: [number, number][] = []

  constructor(start: number) {
    this.mark = start
  }

  /** The highest sequence number such that every one up to it is applied. */
  get value(): number {
    return this.mark
  }

  /** The highest sequence number applied (equal to `value` when there is no gap). */
  get highest(): number {
    return this.above.length > 0 ? this.above[this.above.length - 1]![1] : this.mark
  }

  /** Whether something above the mark is applied while something below it is missing. */
  get hasGap(): boolean {
    return this.above.length > 0
  }

  /** Whether sequence number `seq` is applied. */
  has(seq: number): boolean {
    return seq <= this.mark || this.above.some(([from, to]) => seq >= from && seq <= to)
  }

  /** Records that sequence numbers `from` to `to` (inclusive) are applied. */
  add(from: number, to: number): void {
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from) return
    if (to <= this.mark) return
    if (from <= this.mark + 1) {
      this.mark = to
    } else {
      this.insert(from, to)
    }
    // Ranges that now touch the mark fold into it.
    while (this.above.length > 0 && this.above[0]![0] <= this.mark + 1) {
      const [, end] = this.above.shift()!
      if (end > this.mark) this.mark = end
    }
  }

  /** Everything up to `seq` is applied (a load or a replay that read the whole log to there). */
  reach(seq: number): void {
    this.add(this.mark + 1, seq)
  }

  private insert(from: number, to: number): void {
    const merged: [number, number][] = []
    let placed = false
    let next: [number, number] = [from, to]
    for (const range of this.above) {
      if (range[1] + 1 < next[0]) merged.push(range)
      else if (next[1] + 1 < range[0]) {
        if (!placed) merged.push(next)
        placed = true
        merged.push(range)
      } else next = [Math.min(range[0], next[0]), Math.max(range[1], next[1])]
    }
    if (!placed) merged.push(next)
    this.above = merged
  }
}
