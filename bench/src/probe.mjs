// Preloaded into each server under test (`node --import`): answers the harness over the IPC
// channel it opened with the server's event-loop delay and, on request, its heap after a full
// collection. Nothing else in the server changes; without an IPC channel it does nothing.
import { monitorEventLoopDelay } from 'node:perf_hooks'

if (typeof process.send === 'function') {
  const RESOLUTION_MS = 10
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  delay.enable()
  // The histogram records whole timer intervals: the delay is what exceeds the resolution.
  const ms = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS)
  process.on('message', (message) => {
    if (typeof message !== 'object' || message === null || typeof message.probe !== 'string') return
    const { probe, id } = message
    if (probe === 'reset') {
      delay.reset()
    } else if (probe === 'delay') {
      process.send({
        probe,
        id,
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      })
    } else if (probe === 'heap') {
      if (typeof globalThis.gc === 'function') globalThis.gc()
      const m = process.memoryUsage()
      process.send({ probe, id, heapUsed: m.heapUsed, external: m.external, rss: m.rss })
    }
  })
}
