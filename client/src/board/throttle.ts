// Leading-and-trailing throttle for presence messages: the first value goes at once, then at
// most one every `ms`, and the last value is never lost.

export interface Throttle<T> {
  push(value: T): void
  /** Sends a value now and drops any pending one (for "gone" messages). */
  now(value: T): void
  cancel(): void
}

export function createThrottle<T>(ms: number, send: (value: T) => void): Throttle<T> {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: { value: T } | null = null
  const fire = () => {
    timer = null
    if (pending === null) return
    const { value } = pending
    pending = null
    last = Date.now()
    send(value)
  }
  return {
    push(value) {
      pending = { value }
      if (timer !== null) return
      const wait = last + ms - Date.now()
      if (wait <= 0) fire()
      else timer = setTimeout(fire, wait)
    },
    now(value) {
      this.cancel()
      last = Date.now()
      send(value)
    },
    cancel() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      pending = null
    },
  }
}
