// The server's clock as seen from this device: every countdown runs on server time, so all
// devices show the same seconds whatever their own clocks say.
import { useEffect, useState } from 'react'
import { clockOffset, type ClockSample } from '@triage/shared'
import { api } from '../lib/api'

let offset = 0
let measuring: Promise<void> | null = null

/** Takes a few round trips to the server clock and keeps the tightest estimate. */
function measure(): Promise<void> {
  measuring ??= (async () => {
    const samples: ClockSample[] = []
    for (let i = 0; i < 3; i++) {
      const sentAt = Date.now()
      try {
        const { now } = await api.time()
        samples.push({ sentAt, serverNow: now, receivedAt: Date.now() })
      } catch {
        break
      }
    }
    if (samples.length > 0) offset = clockOffset(samples)
    else measuring = null // try again on the next mount
  })()
  return measuring
}

/** Server time now, by this device's best estimate. */
export function serverNow(): number {
  return Date.now() + offset
}

/**
 * Server time, re-rendering every `tickMs` while `active` (for countdowns). Measures the
 * clock offset once per page.
 */
export function useServerNow(active: boolean, tickMs = 250): number {
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    let live = true
    void measure().then(() => {
      if (live) setNow(serverNow())
    })
    if (!active) return () => void (live = false)
    const timer = window.setInterval(() => setNow(serverNow()), tickMs)
    return () => {
      live = false
      window.clearInterval(timer)
    }
  }, [active, tickMs])
  return now
}
