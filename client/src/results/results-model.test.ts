// The results view's model: columns, rows in raw order with rank labels, rank changes, ballots.
import { describe, expect, it } from 'vitest'
import { tally, voteItems, type BoardState } from '@triage/shared'
import { surgeonsAndNurse, tiedRaw } from './fixtures.test-data'
import { ballotRows, groupColumns, mixedKinds, rankChanges, resultRows } from './results-model'

const groups = [
  { id: 'g1', name: 'Surgeons' },
  { id: 'g2', name: 'Nurses' },
]

describe('groupColumns', () => {
  it('keeps the counted groups in order, named as the workshop names them now', () => {
    expect(groupColumns(surgeonsAndNurse, [{ id: 'g2', name: 'Ward nurses' }])).toEqual([
      { id: 'g1', name: 'Surgeons' },
      { id: 'g2', name: 'Ward nurses' },
    ])
  })
})

describe('resultRows', () => {
  it('lists items in raw ranking order with dots per group, share and rank', () => {
    const rows = resultRows(surgeonsAndNurse, groupColumns(surgeonsAndNurse, groups))
    expect(rows.map((r) => [r.label, r.total, r.byGroup, r.normalized, r.rank])).toEqual([
      ['Theatre list', 9, [9, 0], '30.0%', '1st'],
      ['Bed board', 7, [3, 4], '50.0%', '2nd'],
      ['Discharge', 4, [3, 1], '20.0%', '3rd'],
    ])
  })

  it('states ties as ties and keeps board order between them', () => {
    const rows = resultRows(tiedRaw, groupColumns(tiedRaw, groups))
    expect(rows.map((r) => [r.label, r.rank, r.normalized])).toEqual([
      ['Flow', 'tied 1st', '33.3%'],
      ['Handover', 'tied 1st', '45.8%'],
      ['Rota', '3rd', '20.8%'],
    ])
  })
})

describe('mixedKinds', () => {
  it('is true only when clusters and ideas are both among the items', () => {
    expect(mixedKinds(tiedRaw)).toBe(true)
    expect(mixedKinds(surgeonsAndNurse)).toBe(false)
  })
})

describe('rankChanges', () => {
  it('names each item the normalised ranking moves, in raw order', () => {
    expect(rankChanges(surgeonsAndNurse)).toEqual([
      'Theatre list: 1st raw, 2nd normalised',
      'Bed board: 2nd raw, 1st normalised',
    ])
  })

  it('counts a tie that the normalised share splits as a change', () => {
    expect(rankChanges(tiedRaw)).toEqual([
      'Flow: tied 1st raw, 2nd normalised',
      'Handover: tied 1st raw, 1st normalised',
    ])
  })

  it('is empty when both rankings agree', () => {
    const agree = {
      ...surgeonsAndNurse,
      items: surgeonsAndNurse.items.map((i) => ({ ...i, normalizedRank: i.rank })),
    }
    expect(rankChanges(agree)).toEqual([])
  })

  it('agrees with the shared tally on a hand-computed vote', () => {
    // Three surgeons put 3/1/1 each; the one nurse puts 4 on Bed board and 1 on Discharge.
    const board: BoardState = {
      cards: ['a', 'b', 'c'].map((id, i) => ({
        id,
        text: ['Theatre list', 'Bed board', 'Discharge'][i]!,
        clusterId: null,
        mergedInto: null,
        createdAt: i,
        source: 'facilitator' as const,
        author: null,
        round: 1,
        merged: [],
      })),
      clusters: [],
      unclustered: ['a', 'b', 'c'],
    }
    const items = voteItems(board, 'ideas')
    const surgeon = { 'i:a': 3, 'i:b': 1, 'i:c': 1 }
    const result = tally({
      ballots: [
        { participantId: 's1', group: 'g1', votes: surgeon },
        { participantId: 's2', group: 'g1', votes: surgeon },
        { participantId: 's3', group: 'g1', votes: surgeon },
        { participantId: 'n1', group: 'g2', votes: { 'i:b': 4, 'i:c': 1 } },
      ],
      items,
      settings: surgeonsAndNurse.settings,
      groups,
      members: { g1: 4, g2: 2 },
    })
    expect(rankChanges({ ...surgeonsAndNurse, items: result.items })).toEqual([
      'Theatre list: 1st raw, 2nd normalised',
      'Bed board: 2nd raw, 1st normalised',
    ])
  })
})

describe('ballotRows', () => {
  it('lists voters by group then name with their dots in result order, unknown items left out', () => {
    expect(ballotRows(surgeonsAndNurse, groupColumns(surgeonsAndNurse, groups))).toEqual([
      {
        name: 'amir',
        group: 'Surgeons',
        dots: ['Theatre list: 3 dots', 'Bed board: 1 dot', 'Discharge: 1 dot'],
      },
      {
        name: 'Ben',
        group: 'Surgeons',
        dots: ['Theatre list: 3 dots', 'Bed board: 1 dot', 'Discharge: 1 dot'],
      },
      {
        name: 'Zoe',
        group: 'Surgeons',
        dots: ['Theatre list: 3 dots', 'Bed board: 1 dot', 'Discharge: 1 dot'],
      },
      { name: 'Nia', group: 'Nurses', dots: ['Bed board: 4 dots', 'Discharge: 1 dot'] },
    ])
  })

  it('is empty for an anonymous vote', () => {
    expect(ballotRows(tiedRaw, groupColumns(tiedRaw, groups))).toEqual([])
  })
})
