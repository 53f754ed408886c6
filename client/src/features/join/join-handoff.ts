// How the join page's first screen, drawn before the app has loaded (join-boot.ts, which the
// build writes into index.html), hands over to the app: the join information it fetched, and
// what the person typed and chose when they tapped Join. The app takes over only then, so the
// form is never replaced under someone's fingers.
import type { JoinInfoResponse } from '@triage/shared'

/** The control that had the focus: the name field, a group's radio button (by id), or Join. */
export type JoinFocus = { readonly control: 'name' | 'join' } | { readonly group: string } | null

export interface JoinValues {
  readonly name: string
  /** The chosen group's id, or '' when none is. */
  readonly group: string
  readonly focus: JoinFocus
}

/** What the app receives: the form as it was when Join was tapped, to be submitted at once. */
export interface JoinHandoff extends JoinValues {
  readonly code: string
  readonly info: JoinInfoResponse
}

/** The first screen of a join link, drawn by join-boot.ts. */
export interface JoinBoot {
  /** The normalised join code. */
  readonly code: string
  /**
   * The join information once the form shows; null when there is none (an unknown code, no
   * network): the app then draws the page itself and says why.
   */
  readonly ready: Promise<JoinInfoResponse | null>
  /** Resolves when the form is submitted (Join tapped, Enter in the name field). */
  readonly submitted: Promise<void>
  /** What the form holds now. */
  values(): JoinValues
}

const KEY = '__triageJoinBoot'

type WithBoot = typeof globalThis & { [KEY]?: JoinBoot }

export function publishJoinBoot(boot: JoinBoot): void {
  ;(globalThis as WithBoot)[KEY] = boot
}

/** The first screen's hand, once: null when the page did not draw one (or it was taken). */
export function takeJoinBoot(): JoinBoot | null {
  const scope = globalThis as WithBoot
  const boot = scope[KEY] ?? null
  delete scope[KEY]
  return boot
}

let handoff: JoinHandoff | null = null

/** Keeps the form's values for the join page the app renders next (main.tsx). */
export function handOverJoin(values: JoinHandoff): void {
  handoff = values
}

/** The values handed over for `code`, once (a later visit to the page starts afresh). */
export function takeJoinHandoff(code: string | null): JoinHandoff | null {
  const taken = handoff
  handoff = null
  return taken && taken.code === code ? taken : null
}

/** The element of the app's join form that matches `focus` (after the app has rendered it). */
export function focusTarget(root: ParentNode, focus: JoinFocus): HTMLElement | null {
  if (!focus) return null
  const form = root.querySelector('form')
  if (!form) return null
  if ('group' in focus) {
    return (
      [...form.querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
        (radio) => radio.value === focus.group,
      ) ?? null
    )
  }
  return focus.control === 'name'
    ? form.querySelector<HTMLElement>('input:not([type=radio])')
    : form.querySelector<HTMLElement>('button[type=submit]')
}
