// Notes when each view of the phone is there, from inside the page and at little cost: a script
// added to every document checks a few selectors once per animation frame and reports, through a
// Playwright binding, the first frame each one holds. (Polling with page.waitForFunction would
// make Playwright inject its own large script into the page as it loads, on the throttled CPU,
// and time that too.)
import type { BrowserContext } from 'playwright-core'

/**
 * The views watched, `app`: the app's entry has run (its `triage:app` performance mark; on a
 * join link the form shows before, drawn by index.html's first screen, and a Join tapped
 * earlier waits for the app), and `tap`: a click anywhere (the moment Join is tapped).
 */
export type Sight = 'form' | 'app' | 'phase' | 'vote' | 'dot' | 'tap'

export interface Seen {
  /** ms since the document's navigation started (performance.now()). */
  readonly page: number
  /** Date.now(), the clock Node shares. */
  readonly wall: number
}

/**
 * Runs in every document of the phone's context before its own scripts. Plain JavaScript in a
 * string: a function would be serialised as tsx compiled it, with helpers the page lacks.
 */
const WATCHER = `(() => {
  const report = (name) =>
    window.triageSeen?.(name, { page: performance.now(), wall: Date.now() })
  const dots = () => document.querySelectorAll('button[aria-label^="Add a dot to "]')
  const checks = {
    // The join form with its name field, group choices and Join button.
    form: () => {
      const form = document.querySelector('form')
      return !!(
        form?.querySelector('input:not([type=radio])') &&
        form.querySelector('input[type=radio]') &&
        form.querySelector('button[type=submit]')
      )
    },
    // The app's entry has run (client/src/main.tsx marks it).
    app: () => performance.getEntriesByName('triage:app').length > 0,
    // The participant's phase card and who they are.
    phase: () =>
      (document.getElementById('phase-now')?.textContent ?? '') !== '' &&
      (document.querySelector('.identity')?.textContent ?? '').startsWith('You are '),
    // The vote, its dot buttons listed (enabled or not).
    vote: () => document.getElementById('phase-now')?.textContent === 'Vote' && dots().length > 0,
    // A dot can be placed.
    dot: () => [...dots()].some((b) => !b.disabled),
  }
  const done = new Set()
  const tick = () => {
    for (const [name, check] of Object.entries(checks)) {
      if (!done.has(name) && check()) {
        done.add(name)
        report(name)
      }
    }
    if (done.size < Object.keys(checks).length) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  document.addEventListener('click', () => report('tap'), { capture: true })
})()`

export class Watch {
  private readonly seen = new Map<Sight, Seen[]>()
  private readonly waiting = new Map<Sight, (seen: Seen) => void>()

  /** Adds the watcher to every document the context opens from now on. */
  static async install(context: BrowserContext): Promise<Watch> {
    const watch = new Watch()
    await context.exposeBinding('triageSeen', (_source, name: Sight, seen: Seen) =>
      watch.report(name, seen),
    )
    await context.addInitScript({ content: WATCHER })
    return watch
  }

  private report(name: Sight, seen: Seen): void {
    const waiter = this.waiting.get(name)
    if (waiter) {
      this.waiting.delete(name)
      waiter(seen)
    } else {
      this.seen.set(name, [...(this.seen.get(name) ?? []), seen])
    }
  }

  /** Drops what was seen so far (of one view, or of all), before the next step starts. */
  forget(name?: Sight): void {
    if (name) this.seen.delete(name)
    else this.seen.clear()
  }

  /** The next time `name` is seen (or the earliest one not taken yet). */
  next(name: Sight, timeoutMs: number): Promise<Seen> {
    const queued = this.seen.get(name)
    if (queued?.length) return Promise.resolve(queued.shift()!)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(name)
        reject(new Error(`the phone did not show "${name}" within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiting.set(name, (seen) => {
        clearTimeout(timer)
        resolve(seen)
      })
    })
  }
}
