// The voting settings form: what its fields hold (text, as typed) and how that becomes valid
// settings, with the shared schema's own message when it does not.
import {
  votingSettingsSchema,
  type VoteOn,
  type VotingSettings,
  type VotingStatus,
} from '@triage/shared'

export interface SettingsForm {
  readonly dotBudget: string
  readonly maxDotsPerItem: string
  readonly anonymous: boolean
  readonly voteOn: VoteOn
}

export const VOTE_ON_LABELS: Record<VoteOn, string> = {
  themes: 'Themes',
  clusters: 'Clusters',
  ideas: 'Ideas',
  both: 'Both',
}

/** What each choice puts on the ballot, said under the choices. */
export const VOTE_ON_HINTS: Record<VoteOn, string> = {
  themes:
    'Each cluster once, plus the ideas in no cluster: every idea is on the ballot exactly once.',
  clusters: 'Only the clusters: ideas in no cluster are left off the ballot.',
  ideas: 'Every idea on its own, clustered or not; clusters are not on the ballot.',
  both: 'Each cluster and, again, each of its ideas: dots for one theme may split between the cluster and its ideas, and the results do not add them up.',
}

export function formOf(settings: VotingSettings): SettingsForm {
  return {
    dotBudget: String(settings.dotBudget),
    maxDotsPerItem: String(settings.maxDotsPerItem),
    anonymous: settings.anonymous,
    voteOn: settings.voteOn,
  }
}

export type ParsedSettings =
  | { readonly ok: true; readonly settings: VotingSettings }
  | { readonly ok: false; readonly message: string; readonly field: keyof VotingSettings | null }

/** An empty field is not zero: it reads as "not a number", so the message says so. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/** Validates the form with the shared schema; the first problem's message is the one shown. */
export function parseSettingsForm(form: SettingsForm): ParsedSettings {
  const parsed = votingSettingsSchema.safeParse({
    dotBudget: toNumber(form.dotBudget),
    maxDotsPerItem: toNumber(form.maxDotsPerItem),
    anonymous: form.anonymous,
    voteOn: form.voteOn,
  })
  if (parsed.success) return { ok: true, settings: parsed.data }
  const issue = parsed.error.issues[0]
  const field = issue?.path[0]
  return {
    ok: false,
    message: issue?.message ?? 'Check the voting settings',
    field:
      field === 'dotBudget' ||
      field === 'maxDotsPerItem' ||
      field === 'voteOn' ||
      field === 'anonymous'
        ? field
        : null,
  }
}

export function sameSettings(a: VotingSettings, b: VotingSettings): boolean {
  return (
    a.dotBudget === b.dotBudget &&
    a.maxDotsPerItem === b.maxDotsPerItem &&
    a.anonymous === b.anonymous &&
    a.voteOn === b.voteOn
  )
}

/** "5 dots each, at most 3 on one item · anonymous · on clusters and ideas" */
export function settingsSummary(s: VotingSettings): string {
  const on = {
    themes: 'on themes (each idea once)',
    clusters: 'on clusters',
    ideas: 'on ideas',
    both: 'on clusters and ideas',
  }[s.voteOn]
  const dots = s.dotBudget === 1 ? '1 dot each' : `${s.dotBudget} dots each`
  return `${dots}, at most ${s.maxDotsPerItem} on one item · ${s.anonymous ? 'anonymous' : 'open (names shown with the results)'} · ${on}`
}

/** Why the settings cannot change in each status after setup, shown next to them. */
export const SETTINGS_LOCKED: Record<Exclude<VotingStatus, 'setup'>, string> = {
  open: 'Settings are fixed while voting is open.',
  closed: 'Votes are sealed with these settings. Reopen voting to change them.',
  revealed: 'The results were counted with these settings.',
}

/**
 * Why the settings are read-only now, or null while they can be edited: before voting opens,
 * and while it is closed only once the facilitator chose to change them and reopen (the new
 * settings travel with the reopen request; the sealed ones are never edited in place).
 */
export function settingsLock(status: VotingStatus, reopening: boolean): string | null {
  if (status === 'setup' || (status === 'closed' && reopening)) return null
  return SETTINGS_LOCKED[status]
}
