// The page's live regions and the one hook that feeds them. Every screen says what happens
// through `useAnnounce()`: phase changes, rounds, reveals, the timer, the result of the
// person's own actions. One polite region, and an assertive one only for what cannot wait
// (time is up, where a card is while it is being dragged). Below, the two hooks that say what
// changes in the workshop (useControlNews, useVotingNews) through it.
import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { ControlState, VotingStatus } from '@triage/shared'
import type * as WorkshopNews from './workshop-news'
import type { Audience } from './workshop-news'

export type Politeness = 'polite' | 'assertive'
/** Says `message` to screen-reader users, in words that make sense without the screen. */
export type Announce = (message: string, politeness?: Politeness) => void

interface Said {
  /** A new id for each message, so that the same words said again are read again. */
  readonly id: number
  readonly text: string
}

const said: Record<Politeness, Said | null> = { polite: null, assertive: null }
const waiting: Record<Politeness, string[]> = { polite: [], assertive: [] }
const listeners = new Set<() => void>()
let nextId = 1
let flushing = false

// What is said within one turn (a phase change with its timer and lock) is read as one
// message: a second message replacing the first at once could cut it off.
function flush(): void {
  flushing = false
  for (const politeness of ['polite', 'assertive'] as const) {
    const texts = waiting[politeness]
    if (texts.length === 0) continue
    said[politeness] = { id: nextId++, text: texts.join(' ') }
    waiting[politeness] = []
  }
  for (const listener of listeners) listener()
}

const announce: Announce = (message, politeness = 'polite') => {
  const text = message.trim()
  if (!text || waiting[politeness].includes(text)) return
  waiting[politeness].push(text)
  if (!flushing) {
    flushing = true
    queueMicrotask(flush)
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The way to say something on this screen (stable: safe in effect dependencies). */
export function useAnnounce(): Announce {
  return announce
}

/**
 * The two regions, rendered once for the whole app (they outlive route changes, so "Workshop
 * deleted" is still heard on the start page). Empty until something is said: a region must be
 * in the page before its words arrive. Not role=status: the connection badge is that.
 */
export function LiveRegions() {
  const polite = useSyncExternalStore(subscribe, () => said.polite)
  const assertive = useSyncExternalStore(subscribe, () => said.assertive)
  return (
    <>
      <div className="visually-hidden" aria-live="polite">
        {polite && <p key={polite.id}>{polite.text}</p>}
      </div>
      <div className="visually-hidden" aria-live="assertive">
        {assertive && <p key={assertive.id}>{assertive.text}</p>}
      </div>
    </>
  )
}

// What changes in the workshop while a screen is open: never what was already so when the page
// opened, only what happens after. The words (workshop-news.ts) load as their own small chunk
// right after the page opens, so that the phone's first download stays small; a change that
// comes before them waits for them.
type Words = typeof WorkshopNews
let words: Promise<Words> | null = null
const loadWords = (): Promise<Words> => {
  words ??= import('./workshop-news').catch((error: unknown) => {
    words = null
    throw error
  })
  return words
}

/** Says the lines `say` finds in the words, once they are loaded (offline: nothing to say). */
function useSay(): (lines: (w: Words) => readonly (string | null)[]) => void {
  useEffect(() => void loadWords().catch(() => {}), [])
  return (lines) =>
    void loadWords().then(
      (w) => lines(w).forEach((line) => line && announce(line)),
      () => {},
    )
}

/**
 * Phase changes, silent rounds, open adding, the timer (started, time added, cleared), the
 * board lock and reveals, for `audience`. (Time is up is said by the countdown's owner, at the
 * moment it reaches zero on the server's clock: ui/countdown.tsx.)
 */
export function useControlNews(control: ControlState, audience: Audience): void {
  const say = useSay()
  const seen = useRef<ControlState | null>(null)
  useEffect(() => {
    // Nothing has arrived from the server yet: there is nothing to compare with.
    if (control.settings === null || seen.current === control) return
    const before = seen.current
    seen.current = control
    if (before) say((w) => w.controlNews(before, control, audience))
  })
}

/**
 * Voting (the sealed round) opened, closed, reopened, revealed. `loaded`: the control document
 * has arrived (before that its status reads "setup" whatever it is).
 */
export function useVotingNews(status: VotingStatus, audience: Audience, loaded: boolean): void {
  const say = useSay()
  const seen = useRef<VotingStatus | null>(null)
  useEffect(() => {
    if (!loaded || seen.current === status) return
    const before = seen.current
    seen.current = status
    if (before !== null) say((w) => [w.votingNews(before, status, audience)])
  })
}
