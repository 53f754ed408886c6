// The 2x2 ratings storm's pure parts (issue 11): when each phone taps, and matching the counts
// the facilitator sees against the ratings sent. No IO, so they are unit-tested.
import { prng } from './big-workshop-model.js'

/** One item rated on a phone: impact at `impactAt`, effort at `effortAt` (ms from the start). */
export interface RatingTap {
  readonly phone: number
  /** Which of the phone's items, 0-based. */
  readonly item: number
  readonly impactAt: number
  readonly effortAt: number
  /**
   * The phone's count ("n of 20 rated") once this item's effort tap is in: how many of its
   * items have both axes by then. Not `item + 1`: a phone may tap the next item's impact before
   * this one's effort, and its effort first, and then this rating raises the count only to the
   * number of items complete (`ratedCounts`).
   */
  readonly count: number
}

/**
 * Each tap's `count`: per phone, how many of its items have their effort tap at or before this
 * one's (ties in the schedule's order). Kept apart from the schedule so a hand-made case tests it.
 */
export function ratedCounts(taps: readonly Omit<RatingTap, 'count'>[]): RatingTap[] {
  const byEffort = taps
    .map((tap, index) => ({ tap, index }))
    .sort((a, b) => a.tap.effortAt - b.tap.effortAt || a.index - b.index)
  const done = new Map<number, number>()
  const counts: number[] = []
  for (const { tap, index } of byEffort) {
    const count = (done.get(tap.phone) ?? 0) + 1
    done.set(tap.phone, count)
    counts[index] = count
  }
  return taps.map((tap, i) => ({ ...tap, count: counts[i]! }))
}

/**
 * Every phone rates every item, impact taps in item order, at times spread over `windowMs`:
 * each phone's items at random moments (sorted), the effort tap 150–900 ms after the impact tap,
 * all inside the window; so an item's effort may come after the next item's. Sorted by the time
 * of the first tap. Deterministic for a seed.
 */
export function stormSchedule(
  phones: number,
  items: number,
  windowMs: number,
  seed: number,
): RatingTap[] {
  const rand = prng(seed)
  const gapMax = 900
  const taps: Omit<RatingTap, 'count'>[] = []
  for (let phone = 0; phone < phones; phone++) {
    const starts = Array.from({ length: items }, () => rand() * (windowMs - gapMax)).sort(
      (a, b) => a - b,
    )
    starts.forEach((impactAt, item) => {
      taps.push({ phone, item, impactAt, effortAt: impactAt + 150 + rand() * (gapMax - 150) })
    })
  }
  return ratedCounts(taps.sort((a, b) => a.impactAt - b.impactAt))
}

/**
 * Ratings sent and not yet seen, per phone: `sent` records that the phone's count should reach
 * `count` (the tap's `count`) from time `at`; `seen` takes the count the facilitator now shows
 * for the phone and returns the latency of every rating it covers (a count shows every rating
 * at or below it).
 */
export class ProgressWaits {
  private readonly pending = new Map<number, { count: number; at: number }[]>()

  sent(phone: number, count: number, at: number): void {
    const list = this.pending.get(phone) ?? []
    list.push({ count, at })
    this.pending.set(phone, list)
  }

  seen(phone: number, count: number, at: number): number[] {
    const list = this.pending.get(phone)
    if (!list) return []
    const out: number[] = []
    const rest = list.filter((w) => {
      if (w.count > count) return true
      out.push(at - w.at)
      return false
    })
    if (rest.length === 0) this.pending.delete(phone)
    else this.pending.set(phone, rest)
    return out
  }

  /** Ratings sent and never seen. */
  get lost(): number {
    let n = 0
    for (const list of this.pending.values()) n += list.length
    return n
  }
}
