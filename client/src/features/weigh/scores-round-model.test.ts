import { describe, expect, it } from 'vitest'
import {
  canStep,
  cellWords,
  scaleMiddle,
  scaleSteps,
  scoredLine,
  stepScore,
} from './scores-round-model'

const FIVE = { min: 1, max: 5 }

describe('stepping a score on its criterion’s scale', () => {
  it('starts an unscored cell at the scale’s middle, whichever way the step goes', () => {
    expect(scaleMiddle(FIVE)).toBe(3)
    expect(scaleMiddle({ min: 0, max: 3 })).toBe(1)
    expect(stepScore(undefined, 1, FIVE)).toBe(3)
    expect(stepScore(undefined, -1, FIVE)).toBe(3)
  })

  it('steps by whole numbers and stays on the scale', () => {
    expect(stepScore(3, 1, FIVE)).toBe(4)
    expect(stepScore(5, 1, FIVE)).toBe(5)
    expect(stepScore(1, -1, FIVE)).toBe(1)
    expect(stepScore(2, -10, { min: -5, max: 100 })).toBe(-5)
  })

  it('says when a step cannot move', () => {
    expect(canStep(undefined, 1, FIVE)).toBe(true)
    expect(canStep(5, 1, FIVE)).toBe(false)
    expect(canStep(5, -1, FIVE)).toBe(true)
  })

  it('offers tens only on wide scales', () => {
    expect(scaleSteps(FIVE)).toEqual([-1, 1])
    expect(scaleSteps({ min: 0, max: 100 })).toEqual([-10, -1, 1, 10])
  })
})

describe('the scores round’s words', () => {
  it('gives progress as counts', () => {
    expect(scoredLine('Dana', 7, 10)).toBe('Dana: 7 of 10 scored')
    expect(scoredLine('Dana', 0, 0)).toBe('Dana: nothing to score')
  })

  it('reads a revealed cell with its count and spread', () => {
    expect(cellWords(3.5, { n: 2, iqr: 1 })).toBe('3.5 (n 2, IQR 1)')
    expect(cellWords(4, { n: 1, iqr: null })).toBe('4 (n 1)')
    expect(cellWords(undefined, { n: 0, iqr: null })).toBe('none')
  })
})
