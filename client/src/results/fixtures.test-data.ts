// Hand-computed results used by the results view's unit tests.
import type { ItemResult, VoteResults } from '@triage/shared'

const item = (
  key: string,
  label: string,
  byGroup: Record<string, number>,
  normalized: number,
  rank: number,
  normalizedRank: number,
  kind: ItemResult['kind'] = 'idea',
): ItemResult => ({
  key,
  kind,
  label,
  total: Object.values(byGroup).reduce((a, b) => a + b, 0),
  byGroup,
  normalized,
  rank,
  normalizedRank,
})

/**
 * Three surgeons (15 dots) and one nurse (5 dots). Raw: Theatre list 9, Bed board 7,
 * Discharge 4. Normalised: Theatre (9/15 + 0/5) / 2 = 0.3, Bed board (3/15 + 4/5) / 2 = 0.5,
 * Discharge (3/15 + 1/5) / 2 = 0.2 — the nurse's choice moves Bed board to first.
 */
export const surgeonsAndNurse: VoteResults = {
  revealedAt: 1_700_000_000_000,
  settings: { dotBudget: 5, maxDotsPerItem: 3, anonymous: false, voteOn: 'ideas' },
  groups: [
    { id: 'g1', name: 'Surgeons', voters: 3, members: 4, dots: 15 },
    { id: 'g2', name: 'Nurses', voters: 1, members: 2, dots: 5 },
  ],
  // Board order: Discharge first, so the view must sort.
  items: [
    item('i:c', 'Discharge', { g1: 3, g2: 1 }, 0.2, 3, 3),
    item('i:a', 'Theatre list', { g1: 9 }, 0.3, 1, 2),
    item('i:b', 'Bed board', { g1: 3, g2: 4 }, 0.5, 2, 1),
  ],
  totalDots: 20,
  voters: 4,
  ballots: [
    { name: 'Zoe', group: 'g1', dots: { 'i:a': 3, 'i:b': 1, 'i:c': 1 } },
    { name: 'Nia', group: 'g2', dots: { 'i:b': 4, 'i:c': 1 } },
    { name: 'amir', group: 'g1', dots: { 'i:a': 3, 'i:b': 1, 'i:c': 1 } },
    { name: 'Ben', group: 'g1', dots: { 'i:a': 3, 'i:b': 1, 'i:c': 1, 'i:gone': 2 } },
  ],
}

/** Two items tied on raw dots that the normalised share separates; one cluster among ideas. */
export const tiedRaw: VoteResults = {
  revealedAt: 1_700_000_000_000,
  settings: { dotBudget: 5, maxDotsPerItem: 3, anonymous: true, voteOn: 'both' },
  groups: [
    { id: 'g1', name: 'Surgeons', voters: 2, members: 2, dots: 6 },
    { id: 'g2', name: 'Nurses', voters: 1, members: 1, dots: 4 },
  ],
  items: [
    item('c:x', 'Flow', { g1: 4 }, 1 / 3, 1, 2, 'cluster'),
    item('i:y', 'Handover', { g1: 1, g2: 3 }, (1 / 6 + 3 / 4) / 2, 1, 1),
    item('i:z', 'Rota', { g1: 1, g2: 1 }, (1 / 6 + 1 / 4) / 2, 3, 3),
  ],
  totalDots: 10,
  voters: 3,
  ballots: null,
}
