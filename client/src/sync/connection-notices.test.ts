// The notice board: one entry per connection, the same words once, a stable snapshot.
import { describe, expect, it } from 'vitest'
import { NoticeBoard } from './connection-notices'

describe('NoticeBoard', () => {
  it('shows each connection’s notice, the same words once, until each is cleared', () => {
    const board = new NoticeBoard()
    const control = {}
    const board1 = {}
    const board2 = {}
    let calls = 0
    board.subscribe(() => calls++)
    board.publish(control, 'Too many')
    board.publish(board1, 'Full')
    board.publish(board2, 'Full')
    expect(board.getMessages()).toEqual(['Too many', 'Full'])
    board.publish(board1, null)
    expect(board.getMessages()).toEqual(['Too many', 'Full'])
    board.publish(board2, null)
    board.publish(control, null)
    expect(board.getMessages()).toEqual([])
    expect(calls).toBe(6)
  })

  it('keeps the same snapshot and calls nobody when nothing changes', () => {
    const board = new NoticeBoard()
    const owner = {}
    board.publish(owner, 'Full')
    const before = board.getMessages()
    let calls = 0
    const stop = board.subscribe(() => calls++)
    board.publish(owner, 'Full')
    board.publish({}, null)
    expect(board.getMessages()).toBe(before)
    expect(calls).toBe(0)
    stop()
    board.publish(owner, null)
    expect(calls).toBe(0)
  })
})
