import { createRandom } from '@triage/shared'
import { describe, expect, it } from 'vitest'
import { layoutLabels, type LabelBox } from './label-layout'

const box = (key: string, left: number, y: number, width = 100): LabelBox => ({
  key,
  left,
  width,
  y,
})

describe('placing the 2x2 labels', () => {
  it('leaves labels that do not meet where they are', () => {
    const at = layoutLabels([box('a', 0, 100), box('b', 200, 100), box('c', 0, 200)], 20, 0, 600)
    expect([...at]).toEqual([
      ['a', 100],
      ['b', 100],
      ['c', 200],
    ])
  })

  it('moves the second of two labels at one point by one line', () => {
    const at = layoutLabels([box('a', 50, 300), box('b', 60, 305)], 22, 0, 600)
    expect(at.get('a')).toBe(300)
    expect(at.get('b')).toBe(305 + 22)
  })

  it('goes up when the plot ends below', () => {
    const at = layoutLabels([box('a', 0, 590), box('b', 0, 590)], 20, 0, 600)
    expect(at.get('a')).toBe(590)
    expect(at.get('b')).toBe(570)
  })

  it('never lets two labels overlap while there is room, and keeps them in the plot', () => {
    // 300 seeded layouts of up to 12 labels (one line each fits 12 times in 600 units).
    const random = createRandom(7)
    for (let run = 0; run < 300; run++) {
      const input = Array.from({ length: random.int(0, 12) }, (_, i) => ({
        key: `k${i}`,
        left: random.int(0, 800),
        width: random.int(40, 300),
        y: random.int(0, 600),
      }))
      const at = layoutLabels(input, 20, 0, 600)
      const placed = input.map((b) => ({ ...b, y: at.get(b.key)! }))
      for (const p of placed) {
        expect(p.y).toBeGreaterThanOrEqual(0)
        expect(p.y).toBeLessThanOrEqual(600)
      }
      for (const [i, a] of placed.entries()) {
        for (const b of placed.slice(i + 1)) {
          const apart =
            a.left + a.width <= b.left || b.left + b.width <= a.left || Math.abs(a.y - b.y) >= 20
          expect(apart).toBe(true)
        }
      }
    }
  })
})
