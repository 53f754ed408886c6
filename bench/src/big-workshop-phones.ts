// Big-workshop devices in a worker thread: 200 phones and the facilitator's laptop as stock
// y-websocket providers. Apart from the server's thread, so their work is not counted as its.
import { randomUUID } from 'node:crypto'
import { parentPort } from 'node:worker_threads'
import {
  addDecision,
  axesFor,
  consentRound,
  createCluster,
  criterionScores,
  decisionRationale,
  itemKey,
  matrixItems,
  matrixRatings,
  moveIdea,
  putDraft,
  readAdoptedWeights,
  readBoard,
  readControl,
  readDecisions,
  readFramework,
  readRawRoundInput,
  readResults,
  readRoundResult,
  readRoundState,
  readRoundStatus,
  setDecisionField,
  setFramework,
  setPhase,
  setRoundInputEntry,
  setVote,
  voteItems,
  weightProposals,
  type Framework,
  type RoundKind,
  type Phase,
} from '@triage/shared'
import { decisionCandidates, defaultDecisionItems, frameworkStanding } from '@triage/shared/decide'
import {
  GROUPS,
  SIZE,
  ballotTaps,
  canonical,
  connect,
  consentAnswer,
  criterionScore,
  groupId,
  ideaText,
  matrixEntry,
  prng,
  synced,
  weightProposal,
  type Client,
} from './big-workshop-model.js'

export type PhonesRequest =
  | {
      type: 'connect'
      wsUrl: string
      workshopId: string
      facilitatorToken: string
      phones: { id: string; token: string; group: string }[]
    }
  | { type: 'phase'; phase: Phase }
  | { type: 'drafts' }
  | { type: 'cluster'; cards: number }
  | { type: 'vote' }
  | { type: 'framework'; framework: Framework }
  | { type: 'rate' }
  | { type: 'propose' }
  | { type: 'score' }
  | { type: 'decide'; count: number }
  | { type: 'consent' }
  | { type: 'drop'; index: number }
  | { type: 'wake'; names: string[]; token: string }
  | { type: 'close' }

export interface PhonesMessage {
  id: number
  request: PhonesRequest
}

/** What the phones wrote in a round: how many taps, and each phone's input as it holds it. */
export interface RoundWritten {
  taps: number
  /** By participant id: the phone's raw input in the round, as canonical JSON. */
  inputs: Record<string, string>
}

/** A decision the facilitator wrote. */
export interface DecisionWritten {
  id: string
  item: string
  title: string
}

export type PhonesReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string }

// The stock provider adds a process exit handler per instance: 200 phones here are expected.
process.setMaxListeners(0)

let wsUrl = ''
let facilitator: { board: Client; control: Client } | null = null
let phones: (Client | null)[] = []
let groups: string[] = []
let ids: string[] = []
const rand = prng(42)

/** The facilitator's replica of control, once `kind`'s round shows as open there. */
async function openRound<S, C, I, R>(kind: RoundKind<S, C, I, R>): Promise<S> {
  const control = facilitator!.control
  await whenDoc(control, () => readRoundStatus(control.doc, kind.id) === 'open')
  return readRoundState(control.doc, kind, readControl(control.doc).settings).settings
}

/**
 * Each connected phone writes its input, one tap an update (`taps` gives a phone's entries in
 * order, as key and value); returns what they wrote.
 */
function writeRound(kindId: string, taps: (index: number) => [string, unknown][]): RoundWritten {
  let count = 0
  const inputs: Record<string, string> = {}
  phones.forEach((phone, i) => {
    if (!phone) return
    for (const [key, value] of taps(i)) {
      setRoundInputEntry(phone.doc, kindId, key, value)
      count++
    }
    inputs[ids[i]!] = canonical(readRawRoundInput(phone.doc, kindId))
  })
  return { taps: count, inputs }
}

const DISSENT_WORDS = [
  'It takes theatre time from the lists we already cannot fill.',
  'The cost falls on our budget while the benefit shows up elsewhere.',
  'We were not asked how it would change the night shift.',
]

/** Resolves once `check` holds for the document, checking after each of its updates. */
function whenDoc(client: Client, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve()
  return new Promise((resolve) => {
    const handler = () => {
      if (!check()) return
      client.doc.off('update', handler)
      resolve()
    }
    client.doc.on('update', handler)
  })
}

async function handle(request: PhonesRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect': {
      wsUrl = request.wsUrl
      const w = request.workshopId
      facilitator = {
        board: connect(wsUrl, `${w}/board`, request.facilitatorToken),
        control: connect(wsUrl, `${w}/control`, request.facilitatorToken),
      }
      phones = request.phones.map((p) => connect(wsUrl, `${w}/private/${p.id}`, p.token))
      groups = request.phones.map((p) => p.group)
      ids = request.phones.map((p) => p.id)
      await Promise.all([facilitator.board, facilitator.control, ...phones].map((c) => synced(c!)))
      return phones.length
    }
    case 'phase':
      setPhase(facilitator!.control.doc, request.phase)
      return null
    case 'drafts': {
      // Each draft is one tap of "Add idea": one update.
      let n = 0
      for (const phone of phones) {
        for (let d = 0; d < SIZE.draftsEach; d++) {
          putDraft(phone!.doc, randomUUID(), ideaText(rand, ++n), Date.now())
        }
      }
      return n
    }
    case 'cluster': {
      // The facilitator's laptop: 50 clusters, then every card dragged into one.
      const board = facilitator!.board
      await whenDoc(board, () => readBoard(board.doc).cards.length === request.cards)
      const clusterIds = Array.from({ length: SIZE.clusters }, () => randomUUID())
      clusterIds.forEach((id, i) => createCluster(board.doc, id, `Theme ${i + 1}`, Date.now() + i))
      readBoard(board.doc).cards.forEach((card, i) =>
        moveIdea(board.doc, card.id, clusterIds[i % SIZE.clusters]!),
      )
      return null
    }
    case 'vote': {
      // The phones know the items from the board; each dot is one tap: one update.
      const board = readBoard(facilitator!.board.doc)
      const clusterKeys = board.clusters.map((c) => itemKey.cluster(c.id))
      const ideaKeys = board.cards.map((c) => itemKey.idea(c.id))
      let dots = 0
      phones.forEach((phone, i) => {
        const taps = ballotTaps(rand, clusterKeys, ideaKeys, GROUPS.indexOf(groups[i]!))
        const counts = new Map<string, number>()
        for (const key of taps) {
          counts.set(key, (counts.get(key) ?? 0) + 1)
          setVote(phone!.doc, key, counts.get(key)!)
          dots++
        }
      })
      return dots
    }
    case 'framework':
      // The facilitator picks the preset and adds two criteria: one edit of the framework.
      setFramework(facilitator!.control.doc, request.framework)
      return null
    case 'rate': {
      // Each phone rates the round's items; one tap per axis, as the phone's two sliders.
      const settings = await openRound(matrixRatings)
      const control = facilitator!.control.doc
      const items = matrixItems(settings, readBoard(facilitator!.board.doc), readResults(control))
      return writeRound(matrixRatings.id, (i) => {
        const g = GROUPS.indexOf(groups[i]!)
        const axes = axesFor(settings.axes, groupId(groups[i]!))
        return items.flatMap((item, index): [string, unknown][] => {
          const entry = matrixEntry(rand, index, g, axes)
          if ('skip' in entry) return [[item.key, entry]]
          // The first axis alone, then both: what the server sees after each tap.
          const first = axes[0]!
          return axes.length > 1
            ? [
                [item.key, { [first]: entry[first] }],
                [item.key, entry],
              ]
            : [[item.key, entry]]
        })
      })
    }
    case 'propose': {
      // 100 points over the criteria: one tap per criterion, as the phone's steppers.
      await openRound(weightProposals)
      const framework = readFramework(facilitator!.control.doc)!
      return writeRound(weightProposals.id, (i) => {
        const points = weightProposal(rand, framework.criteria, GROUPS.indexOf(groups[i]!))
        return Object.entries(points)
      })
    }
    case 'score': {
      // Every item on every criterion, one tap a cell; about one cell in twenty left blank.
      const settings = await openRound(criterionScores)
      const control = facilitator!.control.doc
      const framework = readFramework(control)!
      const items = matrixItems(settings, readBoard(facilitator!.board.doc), readResults(control))
      return writeRound(criterionScores.id, (i) => {
        const g = GROUPS.indexOf(groups[i]!)
        const out: [string, unknown][] = []
        items.forEach((item, index) => {
          const row: Record<string, number> = {}
          framework.criteria.forEach((c, j) => {
            const score = criterionScore(rand, index, j, g)
            if (score === null) return
            row[c.id] = score
            out.push([item.key, { ...row }])
          })
        })
        return out
      })
    }
    case 'decide': {
      // The facilitator's console: the default selection from the framework's ranking, then
      // each decision's rationale typed into the shared text and its fields filled in.
      const control = facilitator!.control
      await whenDoc(
        control,
        () =>
          readAdoptedWeights(control.doc) !== null &&
          readRoundResult(control.doc, criterionScores) !== null,
      )
      const standing = frameworkStanding({
        criteria: readFramework(control.doc)?.criteria ?? null,
        adopted: readAdoptedWeights(control.doc),
        scores: readRoundResult(control.doc, criterionScores),
        proposals: readRoundResult(control.doc, weightProposals),
      })
      if (!standing) throw new Error('no ranking to decide from')
      const { candidates } = decisionCandidates({
        framework: standing,
        votes: readResults(control.doc),
        items: voteItems(readBoard(facilitator!.board.doc), 'both'),
      })
      const chosen = defaultDecisionItems(candidates, request.count)
      const out: DecisionWritten[] = []
      chosen.forEach((c, n) => {
        const id = `dBench${String(n + 1).padStart(2, '0')}${randomUUID().slice(0, 8)}`
        // The group that ranks it lowest with its own weights is the one that dissents.
        const dissenting = Object.entries(standing.groupRankings)
          .map(([group, ranking]) => ({
            group,
            rank: ranking.find((r) => r.key === c.key)?.rank ?? Infinity,
          }))
          .sort((a, b) => b.rank - a.rank)[0]
        const doc = control.doc
        addDecision(doc, { id, item: c.key, title: c.label })
        decisionRationale(doc, id)!.insert(
          0,
          `Ranked ${n + 1} of ${standing.ranking.length} with the adopted weights, and in the top ` +
            `third for every group but one. It answers the late starts most groups raised in the ` +
            `brainstorm, and the 2x2 places it where the effort is worth the impact.`,
        )
        setDecisionField(
          doc,
          id,
          'conditions',
          'Pilot on two lists for eight weeks; stop if cancellations rise.',
        )
        if (dissenting) {
          setDecisionField(doc, id, 'dissent', [
            { group: dissenting.group, words: DISSENT_WORDS[n % DISSENT_WORDS.length]! },
          ])
        }
        setDecisionField(doc, id, 'questions', 'Who covers the porters during the pilot?')
        setDecisionField(doc, id, 'owner', `Theatre manager ${n + 1}`)
        setDecisionField(doc, id, 'review', `2027-0${n + 3}-15`)
        out.push({ id, item: c.key, title: c.label })
      })
      return out
    }
    case 'consent': {
      // "I can live with it / I object" per decision: one tap each.
      await openRound(consentRound)
      const control = facilitator!.control.doc
      const decisions = readDecisions(control)
      return writeRound(consentRound.id, (i) => {
        const g = groupId(groups[i]!)
        return decisions.flatMap((d): [string, unknown][] => {
          const answer = consentAnswer(
            rand,
            d.dissent.some((x) => x.group === g),
          )
          return answer === null ? [] : [[d.id, answer]]
        })
      })
    }
    case 'drop':
      phones[request.index]?.destroy()
      phones[request.index] = null
      return null
    case 'wake': {
      // A phone back from sleep: fresh providers with empty documents, until all are synced.
      const t = performance.now()
      const clients = request.names.map((name) => connect(wsUrl, name, request.token))
      await Promise.all(clients.map(synced))
      const elapsed = performance.now() - t
      for (const c of clients) c.destroy()
      return elapsed
    }
    case 'close':
      for (const c of [facilitator?.board, facilitator?.control, ...phones]) c?.destroy()
      facilitator = null
      phones = []
      return null
  }
}

parentPort!.on('message', (message: PhonesMessage) => {
  handle(message.request).then(
    (value) => parentPort!.postMessage({ id: message.id, ok: true, value } satisfies PhonesReply),
    (err: unknown) =>
      parentPort!.postMessage({
        id: message.id,
        ok: false,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies PhonesReply),
  )
})
