// The result lines of adding candidate items, on screen and as heard.
import { describe, expect, it } from 'vitest'
import { importNews, importResultLine } from './item-lines'

describe('result lines', () => {
  it.each([
    [{ added: 0, skipped: 0 }, 'Added 0 items'],
    [{ added: 1, skipped: 0 }, 'Added 1 item'],
    [{ added: 3, skipped: 2 }, 'Added 3 items (2 skipped)'],
  ])('import %o → %s', (result, text) => expect(importResultLine(result)).toBe(text))
})

describe('what the facilitator hears', () => {
  it.each([
    [{ added: 1, skipped: 0 }, '1 item put on the board.'],
    [{ added: 3, skipped: 2 }, '3 items put on the board. 2 skipped.'],
  ])('import %o → %s', (result, said) => expect(importNews(result)).toBe(said))
})
