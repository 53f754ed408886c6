// Builds the workshop record from what the documents hold, already read and validated: settings,
// roster, board, voting, results, the sealed ballots and the log. Pure; doc/record.ts reads the
// Yjs documents and calls this.
import type { BoardState, Idea } from '../../schema/board.js'
import type { LogEvent } from '../../schema/log.js'
import type { Phase } from '../../schema/phase.js'
import {
  RECORD_FORMAT,
  RECORD_SCHEMA_VERSION,
  type RecordBallot,
  type RecordIdea,
  type RecordParticipant,
  type WorkshopRecord,
  type RecordMatrix,
} from '../../schema/record.js'
import type { RecordFramework } from '../../schema/record-framework.js'
import type { RosterEntry } from '../../schema/roster.js'
import type { VoteResults, VotingSettings, VotingStatus } from '../../schema/voting.js'
import type { WorkshopSettings } from '../../schema/workshop.js'
import { ballotCounter, tally, type Allocation } from '../tally.js'
import { recordDecisions, type DecisionSources } from './decisions-record.js'
import { pseudonymous } from './pseudonyms.js'
import {
  recordRatingSheets,
  recordScoreSheets,
  type SealedRatings,
  type SealedScores,
} from './sealed-record.js'
import { sameJson } from './same-json.js'

/** One sealed participant's votes, as the server's sealed store holds them (any content). */
export interface SealedBallot {
  readonly group: string
  readonly votes: unknown
}

export interface RecordSources {
  readonly workshopId: string
  readonly exportedAt: number
  readonly createdAt: number | null
  readonly closedAt: number | null
  /** Null when the control document holds no valid settings. */
  readonly settings: WorkshopSettings | null
  readonly phase: Phase
  readonly roster: Readonly<Record<string, RosterEntry>>
  readonly board: BoardState
  readonly voting: {
    readonly status: VotingStatus
    readonly settings: VotingSettings
    readonly openedAt: number | null
    readonly closedAt: number | null
  }
  readonly results: VoteResults | null
  /** Every participant sealed at close, with their votes; null when not available. */
  readonly sealedBallots: readonly SealedBallot[] | null
  /** The 2x2 (absent: the record has no matrix key); its `ratings` are filled from the seal. */
  readonly matrix?: RecordMatrix | null
  /** Every participant sealed when the 2x2 ratings closed, with their ratings; null if none. */
  readonly sealedRatings?: readonly SealedRatings[] | null
  /** The value framework (absent: no framework key); its scores' `sheets` come from the seal. */
  readonly framework?: RecordFramework | null
  /** Every participant sealed when the scores round closed, with their scores; null if none. */
  readonly sealedScores?: readonly SealedScores[] | null
  /** The decide phase (absent: the record has no decisions key). */
  readonly decisions?: DecisionSources | null
  readonly log: readonly LogEvent[]
}

const byAge = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The record of a workshop. Names appear only when the workshop is not anonymous; ballots only
 * under pseudonyms, and only when they recompute the revealed results exactly (`tally`).
 */
export function buildWorkshopRecord(src: RecordSources): WorkshopRecord {
  const settings = src.settings
  const anonymous = settings?.anonymous ?? true
  const groups = (settings?.groups ?? []).map((g) => ({ id: g.id, name: g.name }))
  return {
    format: RECORD_FORMAT,
    schemaVersion: RECORD_SCHEMA_VERSION,
    exportedAt: src.exportedAt,
    workshop: {
      id: src.workshopId,
      title: settings?.title ?? 'Untitled workshop',
      objective: settings?.objective ?? '',
      anonymous,
      dotBudget: settings?.dotBudget ?? src.voting.settings.dotBudget,
      maxDotsPerItem: settings?.maxDotsPerItem ?? src.voting.settings.maxDotsPerItem,
      groups,
      phase: src.phase,
      createdAt: src.createdAt,
      closedAt: src.closedAt,
    },
    participants: participants(src.roster, groups, anonymous),
    board: {
      ideas: ideas(src.board, anonymous),
      clusters: src.board.clusters.map((c) => ({ id: c.id, name: c.name, createdAt: c.createdAt })),
    },
    voting: {
      status: src.voting.status,
      settings: src.voting.settings,
      openedAt: src.voting.openedAt,
      closedAt: src.voting.closedAt,
      results: src.results ? { ...src.results, ballots: null } : null,
      ballots: src.results && src.sealedBallots ? ballots(src.results, src.sealedBallots) : null,
    },
    ...(src.matrix ? { matrix: matrixRecord(src.matrix, src.sealedRatings ?? null) } : {}),
    ...(src.framework
      ? { framework: frameworkRecord(src.framework, src.sealedScores ?? null) }
      : {}),
    ...(src.decisions
      ? {
          decisions: recordDecisions(
            src.decisions,
            groups.map((g) => g.id),
          ),
        }
      : {}),
    log: [...src.log],
  }
}

/** The 2x2 with its sealed ratings under pseudonyms (null before a reveal), in schema order. */
function matrixRecord(matrix: RecordMatrix, sealed: readonly SealedRatings[] | null): RecordMatrix {
  const { status, settings, result, labels, positions, adoption } = matrix
  const ratings = result && sealed ? recordRatingSheets(result, sealed) : null
  return { status, settings, result, ratings, labels, positions, adoption }
}

/** The framework with the scores round's sealed scores under pseudonyms (null before a reveal). */
function frameworkRecord(
  framework: RecordFramework,
  sealed: readonly SealedScores[] | null,
): RecordFramework {
  const { status, result } = framework.scores
  const sheets = result && sealed ? recordScoreSheets(result, sealed) : null
  return { ...framework, scores: { status, result, sheets } }
}

function participants(
  roster: Readonly<Record<string, RosterEntry>>,
  groups: readonly { id: string }[],
  anonymous: boolean,
): RecordParticipant[] {
  const order = new Map(groups.map((g, i) => [g.id, i]))
  const at = (group: string) => order.get(group) ?? groups.length
  const list = Object.values(roster).map((e) => ({
    group: e.group,
    name: anonymous ? null : e.name,
  }))
  // Anonymous entries differ only by group, so this order says nothing about join order.
  return list.sort(
    (a, b) =>
      at(a.group) - at(b.group) ||
      (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) ||
      (a.name ?? '').localeCompare(b.name ?? '', 'en'),
  )
}

function ideas(board: BoardState, anonymous: boolean): RecordIdea[] {
  const out: RecordIdea[] = []
  const add = (idea: Idea, card: string | null, clusterId: string | null) =>
    out.push({
      id: idea.id,
      text: idea.text,
      mergedInto: card,
      clusterId,
      source: idea.source,
      group: idea.author?.group ?? null,
      author: anonymous ? null : (idea.author?.name ?? null),
      round: idea.round,
      createdAt: idea.createdAt,
    })
  for (const card of board.cards) {
    add(card, null, card.clusterId)
    for (const m of card.merged) add(m, card.id, null)
  }
  return out.sort(byAge)
}

/**
 * The sealed ballots under pseudonyms: counted again by the clamp (as the reveal counted them),
 * sorted by group and content and numbered in that order, so a pseudonym says nothing about
 * who voted. Null when they do not recompute the revealed results (a seal from another round).
 */
function ballots(results: VoteResults, sealed: readonly SealedBallot[]): RecordBallot[] | null {
  const count = ballotCounter({
    budget: results.settings.dotBudget,
    cap: results.settings.maxDotsPerItem,
    items: results.items.map((i) => i.key),
  })
  const groups = new Set(results.groups.map((g) => g.id))
  const counted = sealed
    .filter((b) => groups.has(b.group))
    .map((b) => {
      const dots: Allocation = count(b.votes)
      const entries = Object.entries(dots).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      return { group: b.group, dots: Object.fromEntries(entries), key: JSON.stringify(entries) }
    })
  const list = pseudonymous(
    counted,
    'V',
    results.groups.map((g) => g.id),
  ).map((b) => ({ voter: b.pseudonym, group: b.group, dots: b.dots }))
  return recomputesResults(results, list) ? list : null
}

/** Whether `tally` over these ballots gives exactly the revealed figures. */
export function recomputesResults(results: VoteResults, list: readonly RecordBallot[]): boolean {
  const again = tallyBallots(results, list)
  if (again.totalDots !== results.totalDots || again.voters !== results.voters) return false
  return (
    again.items.length === results.items.length &&
    again.groups.length === results.groups.length &&
    again.items.every((item, i) => sameJson(item, results.items[i]!)) &&
    again.groups.every((g, i) => sameJson(g, results.groups[i]!))
  )
}

/**
 * `tally` over pseudonymous ballots, with the items, settings and groups of the revealed
 * results and each group's members counted from the ballots (every sealed participant has one).
 */
export function tallyBallots(results: VoteResults, list: readonly RecordBallot[]) {
  const members: Record<string, number> = {}
  for (const b of list) members[b.group] = (members[b.group] ?? 0) + 1
  return tally({
    ballots: list.map((b) => ({ participantId: b.voter, group: b.group, votes: b.dots })),
    items: results.items.map((i) => ({ key: i.key, kind: i.kind, label: i.label })),
    settings: results.settings,
    groups: results.groups.map((g) => ({ id: g.id, name: g.name })),
    members,
  })
}
