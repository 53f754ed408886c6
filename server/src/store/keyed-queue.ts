// Runs asynchronous steps one at a time per key, in the order they were asked, within one
// process; steps under different keys run side by side. The stores build `exclusive` on it.

export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  /** Runs `step` once every earlier step under `key` has settled; its result or error passes through. */
  run<T>(key: string, step: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve()
    const run = before.then(step, step)
    const settled = run.then(
      () => undefined,
      () => undefined,
    )
    this.tails.set(key, settled)
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key)
    })
    return run
  }

  /** Keys with a step running or waiting (tests). */
  get size(): number {
    return this.tails.size
  }
}
