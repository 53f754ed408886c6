// The projector's vote line: status and turnout counts.
import { describe, expect, it } from 'vitest'
import { voteLine } from './vote-line'

describe('voteLine', () => {
  const turnout = { voted: 2, total: 5 }
  it.each([
    ['setup', 'Voting has not opened yet'],
    ['open', 'Voting is open: 2 of 5 participants have placed dots'],
    ['closed', 'Voting is closed: 2 of 5 participants have placed dots'],
    ['revealed', 'The results are revealed'],
  ] as const)('%s → %s', (status, line) => expect(voteLine(status, turnout)).toBe(line))
})
