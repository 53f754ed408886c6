// The framework's outcome on screen: the ranking and each group's ranking on the main thread
// (a few microseconds), the sensitivity in a Web Worker (10,000 samples), answered for the
// latest input only.
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  frameworkOutcome,
  groupRankings,
  weightedRanking,
  type FrameworkOutcomeInput,
  type RankedItem,
  type Sensitivity,
} from '@triage/shared'

export interface OutcomeView {
  readonly ranking: readonly RankedItem[]
  readonly groupRankings: Readonly<Record<string, readonly RankedItem[]>>
  /** Null while the worker computes it. */
  readonly sensitivity: Sensitivity | null
  readonly error: string | null
}

interface Answer {
  readonly id: number
  readonly sensitivity?: Sensitivity
  readonly error?: string
}

export function useOutcome(input: FrameworkOutcomeInput): OutcomeView {
  // The input as text: the snapshot is a new object on every document change.
  const key = JSON.stringify(input)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useMemo(() => input, [key])
  const main = useMemo(() => {
    const keys = stable.items.map((i) => i.key)
    return {
      ranking: weightedRanking(keys, [...stable.criteria], stable.weights, stable.scores),
      groupRankings: groupRankings(keys, [...stable.criteria], stable.groups, stable.scores),
    }
  }, [stable])
  const [answer, setAnswer] = useState<{
    key: string
    sensitivity: Sensitivity | null
    error: string | null
  }>({ key: '', sensitivity: null, error: null })
  const worker = useRef<Worker | null>(null)
  const next = useRef(0)

  useEffect(() => {
    const id = ++next.current
    if (typeof Worker === 'undefined') {
      // No workers here (an old browser): computed on the main thread after this paint.
      const timer = setTimeout(() => {
        setAnswer({ key, sensitivity: frameworkOutcome(stable).sensitivity, error: null })
      }, 0)
      return () => clearTimeout(timer)
    }
    worker.current ??= new Worker(new URL('./sensitivity.worker.ts', import.meta.url), {
      type: 'module',
    })
    const w = worker.current
    const onMessage = (event: MessageEvent<Answer>) => {
      if (event.data.id !== id) return
      setAnswer({
        key,
        sensitivity: event.data.sensitivity ?? null,
        error: event.data.error ?? null,
      })
    }
    w.addEventListener('message', onMessage)
    w.postMessage({ id, input: stable })
    return () => w.removeEventListener('message', onMessage)
  }, [key, stable])

  useEffect(
    () => () => {
      worker.current?.terminate()
      worker.current = null
    },
    [],
  )

  const current = answer.key === key
  return {
    ...main,
    sensitivity: current ? answer.sensitivity : null,
    error: current ? answer.error : null,
  }
}
