// Screen-reader announcements name the idea and the cluster in words.
import { describe, expect, it } from 'vitest'
import {
  boardAnnouncements,
  announceCancel,
  announceEnd,
  announceOver,
  announceStart,
  spokenThrough,
  type BoardWords,
} from './announcements'
import { UNCLUSTERED } from './column-nav'

const words: BoardWords = {
  cardText: (id) => ({ i1: 'Fewer forms', i2: 'Less paperwork' })[id] ?? '?',
  cardColumn: (id) => (id === 'i1' ? UNCLUSTERED : 'c1'),
  clusterName: (c) => ({ c1: 'Admin', c2: '' })[c] ?? '',
}

describe('announcements', () => {
  it.each([
    [announceStart(words, 'i1'), 'Picked up idea "Fewer forms" in Unclustered.'],
    [
      announceOver(words, 'i1', { kind: 'column', column: 'c1' }),
      'Idea "Fewer forms" is over cluster "Admin".',
    ],
    [
      announceOver(words, 'i1', { kind: 'card', card: 'i2', column: 'c1' }),
      'Idea "Fewer forms" is over idea "Less paperwork". Drop to merge them.',
    ],
    [announceOver(words, 'i1', null), 'Idea "Fewer forms" is not over a cluster.'],
    [
      announceEnd(words, 'i1', { kind: 'column', column: 'c2' }),
      'Idea "Fewer forms" was moved to cluster "Unnamed cluster".',
    ],
    [
      announceEnd(words, 'i2', { kind: 'column', column: 'c1' }),
      'Idea "Less paperwork" was dropped back in cluster "Admin".',
    ],
    [
      announceEnd(words, 'i1', { kind: 'card', card: 'i2', column: 'c1' }),
      'Idea "Fewer forms" was merged into idea "Less paperwork".',
    ],
    [
      announceEnd(words, 'i1', null),
      'Idea "Fewer forms" was dropped outside the board and stays in Unclustered.',
    ],
    [
      announceCancel(words, 'i2'),
      'Moving was cancelled. Idea "Less paperwork" stays in cluster "Admin".',
    ],
  ])('%s', (said, expected) => {
    expect(said).toBe(expected)
  })
})

describe('boardAnnouncements', () => {
  const active = (id: string) => ({ id, data: { current: {} } }) as never
  const over = (data: unknown) => ({ id: 'x', data: { current: data } }) as never

  it('does not cut "Picked up" short with the card\'s own column', () => {
    const a = boardAnnouncements(() => words)
    expect(a.onDragStart({ active: active('i1') })).toMatch(/^Picked up/)
    expect(
      a.onDragOver({ active: active('i1'), over: over({ kind: 'column', column: UNCLUSTERED }) }),
    ).toBeUndefined()
    expect(
      a.onDragOver({ active: active('i1'), over: over({ kind: 'column', column: 'c1' }) }),
    ).toBe('Idea "Fewer forms" is over cluster "Admin".')
    // Back over its own column later in the drag: that is said.
    expect(
      a.onDragOver({ active: active('i1'), over: over({ kind: 'column', column: UNCLUSTERED }) }),
    ).toBe('Idea "Fewer forms" is over Unclustered.')
  })
})

describe('spokenThrough', () => {
  const active = (id: string) => ({ id, data: { current: {} } }) as never
  const over = (data: unknown) => ({ id: 'x', data: { current: data } }) as never

  it('says each announcement through the page’s region, leaving dnd-kit’s own empty', () => {
    const said: string[] = []
    const a = spokenThrough(
      boardAnnouncements(() => words),
      (m) => said.push(m),
    )
    expect(a.onDragStart({ active: active('i1') })).toBeUndefined()
    // The first "over" (the card's own column) stays unsaid, as before.
    a.onDragOver({ active: active('i1'), over: over({ kind: 'column', column: UNCLUSTERED }) })
    a.onDragOver({ active: active('i1'), over: over({ kind: 'column', column: 'c1' }) })
    expect(a.onDragEnd({ active: active('i1'), over: null })).toBeUndefined()
    a.onDragCancel({ active: active('i2'), over: null })
    expect(said).toEqual([
      'Picked up idea "Fewer forms" in Unclustered.',
      'Idea "Fewer forms" is over cluster "Admin".',
      'Idea "Fewer forms" was dropped outside the board and stays in Unclustered.',
      'Moving was cancelled. Idea "Less paperwork" stays in cluster "Admin".',
    ])
  })
})
