// Where the 2x2's item labels go so that none covers another: each label keeps its item's
// height when it can, and otherwise moves the least it must, up or down, within the plot.
// Pure; the chart draws a thin leader from a moved label back to its marker.

export interface LabelBox {
  readonly key: string
  /** Left edge of the label's box, in chart units. */
  readonly left: number
  readonly width: number
  /** The height of its item's marker: where the label would sit. */
  readonly y: number
}

/**
 * The height each label's baseline centre gets. Labels are placed one by one from the top;
 * a label whose box would overlap one already placed (horizontally and within `lineHeight`)
 * takes the nearest free height, below or above, inside [top, bottom]. When there is no free
 * height at all it keeps its own, overlapping, rather than leaving the plot.
 */
export function layoutLabels(
  boxes: readonly LabelBox[],
  lineHeight: number,
  top: number,
  bottom: number,
): Map<string, number> {
  const placed: { left: number; right: number; y: number }[] = []
  const out = new Map<string, number>()
  const order = [...boxes].sort((a, b) => a.y - b.y || a.left - b.left)
  for (const box of order) {
    const right = box.left + box.width
    const free = (y: number) =>
      y >= top &&
      y <= bottom &&
      placed.every((p) => p.right <= box.left || p.left >= right || Math.abs(p.y - y) >= lineHeight)
    let y = box.y
    if (!free(y)) {
      const steps = Math.ceil((bottom - top) / lineHeight) + 1
      const found = Array.from({ length: steps }, (_, i) => i + 1)
        .flatMap((i) => [box.y + i * lineHeight, box.y - i * lineHeight])
        .find(free)
      if (found !== undefined) y = found
    }
    placed.push({ left: box.left, right, y })
    out.set(box.key, y)
  }
  return out
}
