// Pure readings of the board: column order, words, merge choices, new cluster names.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addIdeas, createCluster, readBoard, type BoardState } from '@triage/shared'
import { boardWords, columnOrder, mergeChoices, nextClusterName, shorten } from './board-model'
import { UNCLUSTERED } from './column-nav'

function boardWith(clusters: readonly string[]): BoardState {
  const doc = new Y.Doc()
  addIdeas(doc, [
    { id: 'i1', text: 'Fewer forms', createdAt: 1, source: 'facilitator', round: 1 },
    { id: 'i2', text: 'Fewer forms', createdAt: 2, source: 'facilitator', round: 1 },
    { id: 'i3', text: 'x'.repeat(80), createdAt: 3, source: 'facilitator', round: 1 },
  ])
  clusters.forEach((name, i) =>
    createCluster(doc, `c${i + 1}`, name, 10 + i, i === 0 ? ['i2'] : []),
  )
  return readBoard(doc)
}

describe('board model', () => {
  it('orders columns: Unclustered, then clusters oldest first', () => {
    expect(columnOrder(boardWith(['Admin', 'Staff']))).toEqual([UNCLUSTERED, 'c1', 'c2'])
  })

  it('finds words for announcements', () => {
    const words = boardWords(boardWith(['Admin']))
    expect(words.cardText('i1')).toBe('Fewer forms')
    expect(words.cardColumn('i1')).toBe(UNCLUSTERED)
    expect(words.cardColumn('i2')).toBe('c1')
    expect(words.clusterName('c1')).toBe('Admin')
    expect(words.cardText('gone')).toBe('removed idea')
  })

  it('labels merge choices with their column, so duplicates differ', () => {
    expect(mergeChoices(boardWith(['Admin'])).map((o) => o.label)).toEqual([
      'Fewer forms — Unclustered',
      'Fewer forms — Admin',
      `${'x'.repeat(59)}… — Unclustered`,
    ])
    expect(shorten('short')).toBe('short')
  })

  it.each([
    [[], 'Cluster 1'],
    [['Admin'], 'Cluster 2'],
    [['Cluster 2', 'Cluster 3'], 'Cluster 4'],
    [['Cluster 1', ' Cluster 3 '], 'Cluster 4'],
  ])('after %j the new cluster is %s', (names, expected) => {
    expect(nextClusterName(boardWith(names))).toBe(expected)
  })
})
