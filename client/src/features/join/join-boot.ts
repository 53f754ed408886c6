// The join page's first screen without the app: the build writes this script into index.html
// (vite.config.ts), where it runs as the page is parsed, before React and the app have arrived.
// On a join link's page (`/j/<code>`, opened from a QR code or a link, not reached inside the
// app) it draws the page frame, asks for the workshop's title and groups (the server has
// preloaded them: see server/src/routes/static.ts) and draws the same form the app's join page
// shows, with the same markup and styles, so that a phone on a slow network can type a name and
// choose a group after the page and one answer, instead of after React and the app (issue 16).
// Join hands the form to the app (join-handoff.ts), which submits it as its own form does; if
// the app is still loading, the tap waits for it. Anything else (an unknown code, a device that
// has already joined, no answer) is left to the app's join page, which says what is wrong.
import type { JoinInfoResponse } from '@triage/shared'
import { LIMITS, normalizeJoinCode, parseJoinInfo } from '@triage/shared/join'
import { findParticipantSession, listSessions } from '../../lib/session-store'
import { publishJoinBoot, type JoinFocus } from './join-handoff'

/** The app's join route (app/routes.ts), which this script may not import. */
const JOIN_PATH = /^\/j\/([^/]{1,20})\/?$/

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children)
  return node
}

function codeOf(pathname: string): string | null {
  const raw = JOIN_PATH.exec(pathname)?.[1]
  if (!raw) return null
  try {
    return normalizeJoinCode(decodeURIComponent(raw))
  } catch {
    return normalizeJoinCode(raw)
  }
}

/** The form of features/join/join-form.tsx, as it first renders. */
function joinForm(info: JoinInfoResponse, onSubmit: () => void) {
  const name = element('input', {
    id: 'join-name',
    maxLength: LIMITS.participantName,
    autocomplete: 'given-name',
    enterKeyHint: 'next',
    required: true,
  })
  const radios = info.groups.map((group) =>
    element('input', {
      type: 'radio',
      name: 'join-group',
      value: group.id,
      checked: info.groups.length === 1,
    }),
  )
  const alert = element('div', { className: 'alert alert--empty' })
  alert.setAttribute('role', 'alert')
  const join = element(
    'button',
    { className: 'button button--primary button--block', type: 'submit' },
    'Join',
  )
  const form = element(
    'form',
    { className: 'form', noValidate: true },
    element(
      'div',
      { className: 'field' },
      element('label', { htmlFor: name.id }, 'Your name'),
      name,
    ),
    element(
      'fieldset',
      { className: 'choices' },
      element('legend', {}, 'Your stakeholder group'),
      ...info.groups.map((group, i) =>
        element('label', { className: 'choice' }, radios[i]!, element('span', {}, group.name)),
      ),
    ),
    // The app's ErrorAlert, empty: the app fills it when it takes over.
    alert,
    join,
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    // Shown until the app takes over (at once, unless it is still loading).
    join.textContent = 'Joining…'
    join.setAttribute('aria-disabled', 'true')
    onSubmit()
  })
  const values = () => {
    const active = document.activeElement
    const radio = radios.find((r) => r === active)
    const focus: JoinFocus =
      active === name
        ? { control: 'name' }
        : active === join
          ? { control: 'join' }
          : radio
            ? { group: radio.value }
            : null
    return { name: name.value, group: radios.find((r) => r.checked)?.value ?? '', focus }
  }
  return { form, values }
}

function start(): void {
  const code = codeOf(window.location.pathname)
  const root = document.getElementById('root')
  // A device that has joined this workshop gets the app's "Continue" choice instead.
  if (!code || !root || root.firstChild || findParticipantSession(listSessions(), code)) return

  const main = element('main', { className: 'page__main' })
  const loading = element('p', { className: 'muted' }, 'Looking up the workshop…')
  main.append(loading)
  root.append(
    element(
      'div',
      { className: 'page page--narrow' },
      element(
        'header',
        { className: 'topbar' },
        element('a', { href: '/', className: 'brand' }, 'Triage Board'),
      ),
      main,
    ),
  )

  let submit = () => {}
  const submitted = new Promise<void>((resolve) => (submit = resolve))
  let values = () => ({ name: '', group: '', focus: null as JoinFocus })
  // The same request as the app's (lib/join-api.ts), so that it gets the preloaded answer.
  const ready = fetch(`/api/join/${encodeURIComponent(code)}`)
    .then((response) => (response.ok ? response.json() : null))
    .then((body: unknown) => (body === null ? null : parseJoinInfo(body)))
    .catch(() => null)
    .then((info) => {
      if (!info) return null
      const shown = joinForm(info, submit)
      values = shown.values
      document.title = `Join ${info.title} · Triage Board`
      main.replaceChildren(
        element('p', { className: 'eyebrow' }, 'Join the workshop'),
        element('h1', { className: 'page__title' }, info.title),
        shown.form,
      )
      return info
    })
  publishJoinBoot({ code, ready, submitted, values: () => values() })
}

start()
