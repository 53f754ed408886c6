// Random board edits as members make them through the shared accessors: clusters created,
// renamed and dissolved, cards moved and merged, card text and notes edited.
import type * as Y from 'yjs'
import {
  CLUSTERS,
  IDEAS,
  boardNotes,
  createCluster,
  dissolveCluster,
  ideaText,
  mergeIdeas,
  moveIdea,
  renameCluster,
  unmergeIdea,
} from '@triage/shared'
import type { Rng } from '../crash/rng.js'

export type BoardOp =
  | 'createCluster'
  | 'renameCluster'
  | 'dissolveCluster'
  | 'moveCard'
  | 'merge'
  | 'unmerge'
  | 'editText'
  | 'editNotes'

/** Every edit, weighted: moves and text edits are what a board sees most. */
export const ALL_BOARD_OPS: Readonly<Record<BoardOp, number>> = {
  createCluster: 2,
  renameCluster: 3,
  dissolveCluster: 1,
  moveCard: 5,
  merge: 1,
  unmerge: 1,
  editText: 3,
  editNotes: 1,
}

/** Clusters and card moves only (the crash harness keeps every item a card of its own). */
export const CLUSTER_OPS: Readonly<Partial<Record<BoardOp, number>>> = {
  createCluster: 1,
  renameCluster: 3,
  moveCard: 5,
  editNotes: 1,
}

export class BoardEditor {
  private n = 0
  private readonly ops: [BoardOp, number][]
  private readonly total: number

  /** `tag` makes this editor's cluster ids and names its own. */
  constructor(
    private readonly rng: Rng,
    private readonly tag: string,
    weights: Readonly<Partial<Record<BoardOp, number>>> = ALL_BOARD_OPS,
  ) {
    this.ops = Object.entries(weights).filter(([, w]) => (w ?? 0) > 0) as [BoardOp, number][]
    this.total = this.ops.reduce((sum, [, w]) => sum + w, 0)
  }

  /** Makes one random edit to `doc` (in one transaction); returns what it did. */
  edit(doc: Y.Doc): BoardOp {
    let r = this.rng.next() * this.total
    let op: BoardOp = this.ops[0]![0]
    for (const [name, w] of this.ops) {
      if ((r -= w) < 0) {
        op = name
        break
      }
    }
    this.n++
    const ideas = [...doc.getMap(IDEAS).keys()].sort()
    const clusters = [...doc.getMap(CLUSTERS).keys()].sort()
    const anyIdea = () => (ideas.length > 0 ? this.rng.pick(ideas) : null)
    const anyCluster = () => (clusters.length > 0 ? this.rng.pick(clusters) : null)
    switch (op) {
      case 'createCluster': {
        const cards = [anyIdea(), anyIdea()].filter((c): c is string => c !== null)
        const id = `${this.tag}-c${this.n}`
        createCluster(doc, id, `Cluster ${this.tag}.${this.n}`, Date.now(), [
          ...new Set(cards.slice(0, this.rng.int(0, 2))),
        ])
        break
      }
      case 'renameCluster': {
        const id = anyCluster()
        if (id) renameCluster(doc, id, `Renamed ${this.tag}.${this.n}`)
        break
      }
      case 'dissolveCluster': {
        const id = anyCluster()
        if (id) dissolveCluster(doc, id)
        break
      }
      case 'moveCard': {
        const id = anyIdea()
        if (id) moveIdea(doc, id, this.rng.chance(0.2) ? null : anyCluster())
        break
      }
      case 'merge': {
        const a = anyIdea()
        const b = anyIdea()
        if (a && b && a !== b) mergeIdeas(doc, a, b)
        break
      }
      case 'unmerge': {
        const id = anyIdea()
        if (id) unmergeIdea(doc, id)
        break
      }
      case 'editText': {
        const id = anyIdea()
        const text = id ? ideaText(doc, id) : null
        if (!text) break
        if (text.length > 3 && this.rng.chance(0.4)) {
          text.delete(this.rng.int(0, text.length - 1), 1)
        } else if (text.length < 200) {
          text.insert(this.rng.int(0, text.length), this.rng.pick(['a', 'b', 'c', ' ', '!']))
        }
        break
      }
      case 'editNotes': {
        const notes = boardNotes(doc)
        if (notes.length < 2000) notes.insert(this.rng.int(0, notes.length), `${this.tag};`)
        break
      }
    }
    return op
  }
}

/**
 * Runs `step` again and again, each time after a random pause in `everyMs` (a pace, as a person
 * clicks), until `stop` is called.
 */
export function every(rng: Rng, everyMs: readonly [number, number], step: () => void): () => void {
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  const tick = () => {
    if (stopped) return
    step()
    timer = setTimeout(tick, rng.int(everyMs[0], everyMs[1]))
  }
  timer = setTimeout(tick, rng.int(everyMs[0], everyMs[1]))
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}
