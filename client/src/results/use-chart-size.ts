// The chart's drawing size: the width of its box in CSS pixels, and the text scale there (the
// box's font size over 16px), so that the chart is drawn 1:1 on a phone and larger on the
// projector instead of being shrunk or blown up as a picture.
import { useLayoutEffect, useState, type RefObject } from 'react'

export interface ChartSize {
  /** Width in the chart's own units (CSS pixels divided by the scale). */
  readonly width: number
  readonly scale: number
}

const FALLBACK: ChartSize = { width: 720, scale: 1 }

export function useChartSize(ref: RefObject<HTMLElement | null>): ChartSize {
  const [size, setSize] = useState<ChartSize>(FALLBACK)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const measure = () => {
      const px = element.clientWidth
      if (px <= 0) return
      const scale = (parseFloat(getComputedStyle(element).fontSize) || 16) / 16
      // Narrower than a phone is not drawn narrower still: the box scrolls instead.
      const width = Math.max(300, Math.round(px / scale))
      setSize((old) => (old.width === width && old.scale === scale ? old : { width, scale }))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return size
}
