// Finding the structs an update names among those the server holds, and what each refers to.
import * as Y from 'yjs'

/** Whether a value is a Yjs id (a parent, say, rather than a type or a key). */
export const isId = (v: unknown): v is Y.ID =>
  typeof v === 'object' && v !== null && 'client' in v && 'clock' in v

/** Binary search for the index of the struct holding `clock` in structs sorted by clock; -1. */
export function indexOfClock(list: readonly { id: Y.ID; length: number }[], clock: number): number {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid]!
    if (clock < s.id.clock) hi = mid - 1
    else if (clock >= s.id.clock + s.length) lo = mid + 1
    else return mid
  }
  return -1
}

export function findStruct<T extends { id: Y.ID; length: number }>(
  list: readonly T[],
  clock: number,
) {
  const i = indexOfClock(list, clock)
  return i < 0 ? null : list[i]!
}

/** The ids an item refers to: its neighbours when inserted, and its parent when it is an id. */
export function refsOf(item: Y.Item): Y.ID[] {
  const refs: Y.ID[] = []
  if (item.origin) refs.push(item.origin)
  if (item.rightOrigin) refs.push(item.rightOrigin)
  const parent = item.parent as unknown
  if (isId(parent)) refs.push(parent)
  return refs
}

/**
 * Whether the new structs depend on each other in a circle (each waits for its client's
 * previous struct and for what it refers to): Yjs would park all of them. Iterative, so a long
 * chain cannot exhaust the stack.
 */
export function dependsOnItself(
  fresh: ReadonlyMap<number, readonly (Y.Item | Y.GC)[]>,
  newStructAt: (id: Y.ID) => Y.Item | Y.GC | null,
): boolean {
  const state = new Map<Y.Item | Y.GC, 1 | 2>() // 1: on the current path, 2: done
  const previous = new Map<Y.Item | Y.GC, Y.Item | Y.GC>()
  for (const list of fresh.values()) list.forEach((s, i) => i > 0 && previous.set(s, list[i - 1]!))
  const depsOf = (s: Y.Item | Y.GC): (Y.Item | Y.GC)[] => {
    const deps: (Y.Item | Y.GC)[] = []
    const before = previous.get(s)
    if (before) deps.push(before)
    if (s instanceof Y.Item) {
      for (const ref of refsOf(s)) {
        const target = newStructAt(ref)
        if (target && target !== s) deps.push(target)
      }
    }
    return deps
  }
  for (const list of fresh.values()) {
    for (const start of list) {
      if (state.has(start)) continue
      const stack: { s: Y.Item | Y.GC; deps: (Y.Item | Y.GC)[] }[] = [
        { s: start, deps: depsOf(start) },
      ]
      state.set(start, 1)
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!
        const next = top.deps.pop()
        if (next === undefined) {
          state.set(top.s, 2)
          stack.pop()
          continue
        }
        const mark = state.get(next)
        if (mark === 1) return true
        if (mark === 2) continue
        state.set(next, 1)
        stack.push({ s: next, deps: depsOf(next) })
      }
    }
  }
  return false
}

export type AnyType = Y.AbstractType<unknown>

/** A character of an item the server holds: the left neighbour a new item names. */
export interface Point {
  readonly struct: Y.Item
  readonly clock: number
}

export const isPoint = (v: unknown): v is Point =>
  typeof v === 'object' && v !== null && 'struct' in v && 'clock' in v
