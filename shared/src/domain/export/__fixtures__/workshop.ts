// A fixture workshop through every phase built so far: set-up with three stakeholder groups,
// two silent rounds with a timer, facilitator items, clusters with merged duplicates, dot voting
// closed and revealed (counted by `tally`, as the server counts), two recorded decisions with
// dissent and consent revealed per group, and the decision log.
import type { BoardState, Card, Idea, IdeaAuthor } from '../../../schema/board.js'
import type { LogEvent } from '../../../schema/log.js'
import type { RosterEntry } from '../../../schema/roster.js'
import { itemKey, type VoteResults, type VotingSettings } from '../../../schema/voting.js'
import type { WorkshopSettings } from '../../../schema/workshop.js'
import { voteItems } from '../../items.js'
import { rankedItems, tally } from '../../tally.js'
import type { RecordSources, SealedBallot } from '../build-record.js'
import type { Decision } from '../../../schema/decision.js'
import { consentHeadline, tallyConsent } from '../../decide/consent.js'
import { decisionLogEvent } from '../../decide/changes.js'
import type { SealedConsent } from '../decisions-record.js'
import { fixtureFramework } from './framework.js'
import { fixtureMatrix } from './matrix.js'

/** 12 March 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 12, 9, 0)
const at = (minutes: number) => T0 + minutes * 60_000

/** Text that would be markup, a link, an image or a spreadsheet formula if it were not escaped. */
export const HOSTILE = {
  script: '<script>alert("x")</script>',
  img: '<img src=x onerror=alert(1)>',
  link: '[click me](https://evil.example/steal)',
  image: '![pixel](https://evil.example/p.png)',
  formula: '=HYPERLINK("https://evil.example","open")',
  plus: '+1+1',
  minus: '-2+3',
  at: '@SUM(A1:A9)',
} as const

export interface FixtureOptions {
  readonly anonymous?: boolean
  /** Hostile text in an idea, a cluster, a group and a participant's name (see `HOSTILE`). */
  readonly hostile?: boolean
}

interface IdeaSpec {
  readonly id: string
  readonly text: string
  readonly minute: number
  readonly by: readonly [name: string, participant: string, group: string] | 'facilitator'
  readonly cluster?: string
  readonly into?: string
  readonly round?: number
}

/** A board as `readBoard` returns it, from ideas with their cluster and merge target. */
function boardOf(
  ideas: readonly IdeaSpec[],
  clusters: readonly { id: string; name: string; minute: number }[],
  anonymous: boolean,
): BoardState {
  const toIdea = (s: IdeaSpec): Idea => {
    const author: IdeaAuthor | null =
      s.by === 'facilitator' || anonymous
        ? null
        : { participantId: s.by[1], name: s.by[0], group: s.by[2] }
    return {
      id: s.id,
      text: s.text,
      clusterId: s.cluster ?? null,
      mergedInto: s.into ?? null,
      createdAt: at(s.minute),
      source: s.by === 'facilitator' ? 'facilitator' : 'participant',
      author,
      round: s.round ?? 1,
    }
  }
  const byAge = (a: Idea, b: Idea) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)
  const all = ideas.map(toIdea).sort(byAge)
  const cards: Card[] = all
    .filter((i) => i.mergedInto === null)
    .map((i) => ({ ...i, merged: all.filter((m) => m.mergedInto === i.id) }))
  return {
    cards,
    clusters: clusters.map((c) => ({
      id: c.id,
      name: c.name,
      createdAt: at(c.minute),
      cardIds: cards.filter((card) => card.clusterId === c.id).map((card) => card.id),
    })),
    unclustered: cards.filter((card) => card.clusterId === null).map((card) => card.id),
  }
}

/** The fixture's sources, ready for `buildWorkshopRecord`. */
export function fixtureSources(options: FixtureOptions = {}): RecordSources {
  const anonymous = options.anonymous ?? false
  const hostile = options.hostile ?? false
  const settings: WorkshopSettings = {
    title: hostile ? `Theatre ${HOSTILE.script}` : 'Theatre scheduling 2026',
    objective: hostile
      ? `Decide ${HOSTILE.link} and ${HOSTILE.image}`
      : 'Choose the two or three improvements to theatre scheduling and patient flow that the hospital funds next year.',
    groups: [
      { id: 'g1', name: hostile ? HOSTILE.formula : 'Surgeons' },
      { id: 'g2', name: hostile ? HOSTILE.img : 'Radiologists' },
      { id: 'g3', name: hostile ? HOSTILE.at : 'Administrators' },
    ],
    dotBudget: 5,
    maxDotsPerItem: 3,
    anonymous,
  }
  const people: [id: string, name: string, group: string][] = [
    ['p1', hostile ? HOSTILE.img : 'Ana Lopez', 'g1'],
    ['p2', 'Ben Okafor', 'g1'],
    ['p3', hostile ? HOSTILE.formula : 'Chloé Martin', 'g1'],
    ['p4', 'Dev Patel', 'g2'],
    ['p5', hostile ? HOSTILE.script : 'Eve Schmidt', 'g2'],
    ['p6', 'Farah Haddad', 'g3'],
    ['p7', 'Gus Novak', 'g3'],
  ]
  const roster: Record<string, RosterEntry> = Object.fromEntries(
    people.map(([id, name, group], i) => [id, { name, group, joinedAt: at(-10 + i) }]),
  )
  const who = (id: string) => {
    const p = people.find((x) => x[0] === id)!
    return [p[1], p[0], p[2]] as const
  }
  const ideas: IdeaSpec[] = [
    {
      id: 'i01',
      text: 'Digital theatre list visible to all wards',
      minute: 12,
      by: who('p1'),
      cluster: 'c1',
    },
    {
      id: 'i02',
      text: 'Live theatre list on a shared screen',
      minute: 12,
      by: who('p4'),
      into: 'i01',
    },
    {
      id: 'i03',
      text: hostile ? HOSTILE.minus : 'Book theatre slots online instead of by phone',
      minute: 12,
      by: who('p2'),
      cluster: 'c1',
    },
    {
      id: 'i04',
      text: 'Automatic triage of head CT scans',
      minute: 12,
      by: who('p4'),
      cluster: 'c2',
    },
    {
      id: 'i05',
      text: hostile ? HOSTILE.formula : 'Reporting backlog dashboard for radiology',
      minute: 12,
      by: who('p5'),
      cluster: 'c2',
    },
    {
      id: 'i06',
      text: hostile ? HOSTILE.image : 'AI triage for head CT',
      minute: 12,
      by: who('p5'),
      into: 'i04',
    },
    {
      id: 'i07',
      text: hostile ? HOSTILE.script : 'Bed board showing discharges before noon',
      minute: 12,
      by: who('p6'),
      cluster: 'c3',
    },
    {
      id: 'i08',
      text: hostile ? HOSTILE.plus : 'Predict discharge dates from the notes',
      minute: 12,
      by: who('p7'),
      cluster: 'c3',
    },
    {
      id: 'i09',
      text: hostile ? HOSTILE.link : 'Pre-op checklist on tablets',
      minute: 12,
      by: who('p3'),
    },
    {
      id: 'i10',
      text: 'Porter requests tracked in one app',
      minute: 18,
      by: who('p7'),
      cluster: 'c3',
      round: 2,
    },
    {
      id: 'i11',
      text: hostile ? HOSTILE.at : 'Consent forms signed electronically\n(with a paper fallback)',
      minute: 18,
      by: who('p1'),
      cluster: 'c1',
      round: 2,
    },
    {
      id: 'f1',
      text: hostile ? HOSTILE.img : 'Replace the theatre pager system',
      minute: 20,
      by: 'facilitator',
      cluster: 'c1',
    },
    { id: 'f2', text: 'Staff rota app', minute: 20, by: 'facilitator' },
  ]
  const clusters = [
    { id: 'c1', name: hostile ? HOSTILE.formula : 'Theatre scheduling', minute: 25 },
    { id: 'c2', name: hostile ? HOSTILE.link : 'Imaging', minute: 26 },
    { id: 'c3', name: 'Patient flow', minute: 27 },
  ]
  const board = boardOf(ideas, clusters, anonymous)
  const voting: VotingSettings = {
    dotBudget: 5,
    maxDotsPerItem: 3,
    anonymous: true,
    voteOn: 'both',
  }
  const items = voteItems(board, voting.voteOn)
  const c = itemKey.cluster
  const i = itemKey.idea
  const votes: Record<string, Record<string, number>> = {
    p1: { [c('c1')]: 3, [i('i03')]: 2 },
    // Four on one item, over the cap of three: counted as three, as the server counts it.
    p2: { [c('c1')]: 4, [i('i01')]: 1, [i('i09')]: 1 },
    p3: { [c('c1')]: 2, [i('i11')]: 3 },
    p4: { [c('c2')]: 3, [i('i04')]: 2 },
    p5: { [c('c2')]: 2, [i('i05')]: 2, [c('c1')]: 1 },
    p6: { [c('c3')]: 3, [i('i07')]: 2 },
    p7: { [c('c3')]: 2, [c('c1')]: 1, [i('i10')]: 2 },
  }
  const sealedBallots: SealedBallot[] = people.map(([id, , group]) => ({ group, votes: votes[id] }))
  const counted = tally({
    ballots: people.map(([id, , group]) => ({ participantId: id, group, votes: votes[id] })),
    items,
    settings: voting,
    groups: settings.groups,
    members: { g1: 3, g2: 2, g3: 2 },
  })
  const top = rankedItems(counted.items, 'total')[0]!
  const results: VoteResults = {
    revealedAt: at(51),
    settings: voting,
    groups: counted.groups,
    items: counted.items,
    totalDots: counted.totalDots,
    voters: counted.voters,
    ballots: null,
  }
  const decisions: Decision[] = [
    {
      id: 'dTheatre001',
      item: top.key,
      title: top.label,
      order: 0,
      rationale: hostile
        ? `Because ${HOSTILE.script} and ${HOSTILE.link}`
        : 'It had the most dots in every group but one, and it removes the longest wait in the theatre day.\n\nThe surgeons will pilot it on two lists first.',
      conditions: 'Pilot on two lists; stop if cancellations rise.',
      dissent: [
        {
          group: 'g3',
          words: hostile ? HOSTILE.formula : 'It does nothing for discharge, where beds are lost.',
        },
      ],
      questions: 'Who maintains the list integration?',
      owner: hostile ? HOSTILE.at : 'Head of theatres',
      review: '2026-09-30',
    },
    {
      id: 'dFlow000002',
      item: c('c3'),
      title: 'Patient flow',
      order: 1,
      rationale: '',
      conditions: '',
      dissent: [],
      questions: '',
      owner: '',
      review: '',
    },
  ]
  const answers: Record<string, Record<string, string>> = {
    p1: { dTheatre001: 'accept', dFlow000002: 'accept' },
    p2: { dTheatre001: 'accept', dFlow000002: 'object' },
    // A hostile answer and one to no decision: neither counts.
    p3: { dTheatre001: 'maybe', dNoSuchOne1: 'object' },
    p4: { dTheatre001: 'accept', dFlow000002: 'accept' },
    p5: { dTheatre001: 'accept' },
    p6: { dTheatre001: 'object', dFlow000002: 'accept' },
    p7: { dTheatre001: 'accept', dFlow000002: 'accept' },
  }
  const sealedConsent: SealedConsent[] = people.map(([id, , group]) => ({
    group,
    answers: answers[id],
  }))
  const consent = tallyConsent(
    decisions.map((d) => ({ id: d.id, item: d.item, title: d.title })),
    people.map(([id, , group]) => ({
      group,
      answers: Object.fromEntries(
        Object.entries(answers[id]!).filter(
          (e): e is [string, 'accept' | 'object'] =>
            ['dTheatre001', 'dFlow000002'].includes(e[0]) &&
            (e[1] === 'accept' || e[1] === 'object'),
        ),
      ),
    })),
    settings.groups.map((g) => g.id),
    at(70),
  )
  const log: LogEvent[] = [
    { type: 'phase', at: at(0), to: 'brainstorm' },
    { type: 'timer', at: at(1), durationMs: 600_000, onZero: 'stop' },
    { type: 'reveal', at: at(12), revealed: 9, round: 1, skipped: 0, unreadable: 0 },
    { type: 'silent-round', at: at(13), round: 2 },
    { type: 'reveal', at: at(18), revealed: 2, round: 2, skipped: 0, unreadable: 0 },
    { type: 'items', at: at(20), added: 2 },
    { type: 'phase', at: at(21), to: 'cluster' },
    {
      type: 'note',
      at: at(35),
      kind: 'board',
      text: 'Board locked while the groups checked the clusters',
    },
    { type: 'phase', at: at(40), to: 'vote' },
    {
      type: 'round-opened',
      at: at(41),
      round: 'voting',
      reopened: false,
      settings: '5 dots each, at most 3 on one item, anonymous, on clusters and ideas',
    },
    {
      type: 'round-closed',
      at: at(50),
      round: 'voting',
      submitted: 7,
      participants: 7,
      unreadable: 0,
    },
    {
      type: 'round-revealed',
      at: at(51),
      round: 'voting',
      headline: `"${top.label}" first with ${top.total} dots`,
      voters: counted.voters,
    },
    { type: 'phase', at: at(55), to: 'decide' },
    decisionLogEvent(decisions[0]!, [], at(60))!,
    decisionLogEvent(decisions[1]!, [], at(61))!,
    {
      type: 'round-opened',
      at: at(62),
      round: 'consent',
      reopened: false,
      settings: '“I can live with it” or “I object” on each decision',
    },
    {
      type: 'round-closed',
      at: at(69),
      round: 'consent',
      submitted: 6,
      participants: 7,
      unreadable: 0,
    },
    {
      type: 'round-revealed',
      at: at(70),
      round: 'consent',
      headline: consentHeadline(consent),
      voters: consent.participants,
    },
  ]
  const matrix = fixtureMatrix(settings, people, rankedItems(counted.items, 'total').slice(0, 3), {
    hostile,
    at: at(58),
  })
  const framework = fixtureFramework(
    settings,
    people,
    rankedItems(counted.items, 'total').slice(0, 3),
    at(62),
  )
  return {
    workshopId: 'fixture-workshop-01',
    matrix: matrix.record,
    sealedRatings: matrix.sealed,
    framework: framework.record,
    sealedScores: framework.sealed,
    exportedAt: at(75),
    createdAt: at(-30),
    closedAt: null,
    settings,
    phase: 'decide',
    roster,
    board,
    voting: { status: 'revealed', settings: voting, openedAt: at(41), closedAt: at(50) },
    results,
    sealedBallots,
    decisions: { list: decisions, status: 'revealed', result: consent, sealed: sealedConsent },
    log,
  }
}
