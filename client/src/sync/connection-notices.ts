// The notices of every open document connection in one place, so that each page shows them in
// one spot (under its top bar), whichever of its documents the server turned away.

/** Notices by the connection that raised them; the same words from two connections show once. */
export class NoticeBoard {
  private readonly byOwner = new Map<object, string>()
  private readonly listeners = new Set<() => void>()
  private current: readonly string[] = []

  /** Sets (or, with null, clears) the notice of one connection. */
  publish(owner: object, message: string | null): void {
    if ((this.byOwner.get(owner) ?? null) === message) return
    if (message === null) this.byOwner.delete(owner)
    else this.byOwner.set(owner, message)
    this.current = [...new Set(this.byOwner.values())]
    for (const listener of [...this.listeners]) listener()
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The messages to show, oldest first; the same array until one changes. */
  readonly getMessages = (): readonly string[] => this.current
}

/** The page's notice board: every DocConnection publishes here. */
export const connectionNotices = new NoticeBoard()
