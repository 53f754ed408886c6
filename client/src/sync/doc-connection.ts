// One Yjs document of a workshop and its websocket provider, as an external store for React.
// The provider exists only while someone subscribes, so render stays free of side effects.
// A document may also be kept on the device (IndexedDB), so what was written offline survives
// a reload and syncs when the connection is back.
import * as Y from 'yjs'
import * as authProtocol from 'y-protocols/auth'
import type * as decoding from 'lib0/decoding'
import { takeReadAhead, type DeviceCopy, type DeviceStore } from './device-copy'
import { WebsocketProvider, messageAuth } from 'y-websocket'
import { CLOSE, docName, type ParticipantId, type WorkshopId } from '@triage/shared'
import { awarenessEntries, type AwarenessEntry } from './awareness'
import { connectionNotices } from './connection-notices'
import {
  deriveConnection,
  isFinalClose,
  nextNotice,
  sameConnection,
  syncUrl,
  type ConnectionState,
  type DocKind,
  type NoticeEvent,
  type SyncNotice,
} from './connection-state'
import { planReset } from './reset-plan'

export type { DocKind } from './connection-state'

export interface DocConnectionOptions {
  readonly workshopId: string
  readonly kind: DocKind
  readonly token: string
  /** Required for the `private` document. */
  readonly participantId?: string
  /**
   * Keep a copy on this device: for the private document only, whose edits are this person's
   * alone (shared documents come back from the server). A store rather than a flag, so that
   * y-indexeddb loads with the views that use it, not with every page (scripts/check-bundle.mjs).
   */
  readonly persist?: DeviceStore
}

/** The origin of the updates read ahead from the device copy (not this person's changes). */
const READ_AHEAD = Symbol('read ahead')

/** How long a socket dropped by a reset may take to close by itself (see `retireSocket`). */
const RETIRED_SOCKET_MS = 1000

/** Final closes after which the stored copy can never sync again: the session is gone. */
const SESSION_GONE: readonly number[] = [
  CLOSE.unauthorized,
  CLOSE.gone,
  CLOSE.notFound,
  CLOSE.removed,
]

const docNameOf = (o: DocConnectionOptions): string =>
  o.kind === 'private'
    ? docName({
        workshopId: o.workshopId as WorkshopId,
        kind: 'private',
        participantId: (o.participantId ?? '') as ParticipantId,
      })
    : docName({ workshopId: o.workshopId as WorkshopId, kind: o.kind })

export class DocConnection {
  /**
   * Kept across reconnects: edits made while offline stay here and sync when back. Replaced
   * only when the server refuses one of our updates (see `onRefused`).
   */
  private current = new Y.Doc()
  /** When the document was last replaced (`performance.now()`), or null. */
  private lastReset: number | null = null
  /** The reset a refusal within two seconds of the last one is waiting for. */
  private resetTimer: ReturnType<typeof setTimeout> | null = null
  /** Why the server last refused a change of ours, for the views to explain. */
  private refusal: string | null = null
  /** What the person should know about this connection (document full, too many connections). */
  private notice: SyncNotice | null = null
  readonly name: string
  private provider: WebsocketProvider | null = null
  private readonly listeners = new Set<() => void>()
  private state: ConnectionState = { kind: 'connecting', closeCode: null }
  private finalCloseCode: number | null = null
  private peers: readonly AwarenessEntry[] = []
  private localState: Record<string, unknown> | null = null
  /** Our awareness clock when the last provider stopped; peers ignore clocks they have seen. */
  private lastClock = 0
  /** The document's copy on this device, when `persist` is given. */
  private readonly deviceCopy: DeviceCopy | null

  constructor(private readonly options: DocConnectionOptions) {
    this.name = docNameOf(options)
    this.deviceCopy = options.persist?.(`triage:${this.name}`) ?? null
    // The stored copy, when the page read it ahead (device-copy.ts): the first render shows
    // what the device holds. y-indexeddb applies the same updates again once attached (a no-op).
    if (this.deviceCopy) {
      for (const update of takeReadAhead(`triage:${this.name}`) ?? []) {
        Y.applyUpdate(this.current, update, READ_AHEAD)
      }
    }
  }

  /** Connects on the first subscriber and disconnects after the last one leaves. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.provider === null) this.start()
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size > 0) return
      this.stop()
      // Nobody shows this document any more, so its notice goes too.
      this.notice = null
      connectionNotices.publish(this, null)
    }
  }

  readonly getState = (): ConnectionState => this.state

  readonly getPeers = (): readonly AwarenessEntry[] => this.peers

  /** The document; a new object after the server refused a change (subscribe to notice). */
  get doc(): Y.Doc {
    return this.current
  }

  readonly getDoc = (): Y.Doc => this.current

  /** The server's reason for refusing our last refused change, or null. */
  readonly getRefusal = (): string | null => this.refusal

  /** The notice this connection raised (also on `connectionNotices`), or null. */
  readonly getNotice = (): SyncNotice | null => this.notice

  /** Sets what this client tells others about itself (the server adds `identity`). */
  setLocalState(state: Record<string, unknown> | null): void {
    this.localState = state
    this.provider?.awareness.setLocalState(state)
  }

  /** Sets some fields of this client's awareness state, keeping the ones other views set. */
  patchLocalState(fields: Record<string, unknown>): void {
    this.setLocalState({ ...this.localState, ...fields })
  }

  private start(): void {
    const provider = new WebsocketProvider(syncUrl(window.location), this.name, this.doc, {
      connect: false,
      params: { token: this.options.token },
      // Cross-tab sharing would let one tab's edits reach the server under another tab's token.
      disableBc: true,
      shouldReconnect: (event) => !isFinalClose(event.code),
    })
    this.provider = provider
    // The stock provider only logs a refusal; we also drop what the server would not take.
    provider.messageHandlers[messageAuth] = (_encoder, decoder: decoding.Decoder) => {
      authProtocol.readAuthMessage(decoder, this.current, (_doc, reason) => this.onRefused(reason))
    }
    provider.on('status', this.onStatus)
    provider.on('sync', this.onSync)
    provider.on('connection-close', this.onClose)
    this.current.on('update', this.onDocUpdate)
    provider.awareness.on('change', this.onAwareness)
    if (this.lastClock > 0) {
      provider.awareness.meta.set(this.doc.clientID, { clock: this.lastClock, lastUpdated: 0 })
    }
    if (this.localState) provider.awareness.setLocalState(this.localState)
    else provider.awareness.setLocalState(null)
    window.addEventListener('online', this.wake)
    window.addEventListener('offline', this.onOffline)
    document.addEventListener('visibilitychange', this.onVisibility)
    if (this.finalCloseCode === null) {
      this.deviceCopy?.attach(this.current)
      provider.connect()
    }
    this.update()
  }

  private stop(): void {
    const provider = this.provider
    if (!provider) return
    this.provider = null
    this.current.off('update', this.onDocUpdate)
    window.removeEventListener('online', this.wake)
    window.removeEventListener('offline', this.onOffline)
    document.removeEventListener('visibilitychange', this.onVisibility)
    provider.awareness.off('change', this.onAwareness)
    this.lastClock = provider.awareness.meta.get(this.doc.clientID)?.clock ?? 0
    this.peers = []
    provider.destroy()
    provider.awareness.destroy()
    this.deviceCopy?.detach(false)
  }

  /**
   * y-protocols ignores an awareness state whose clock it has seen, even after it dropped that
   * peer on a disconnect; without these two steps a reconnecting phone stays "offline" on the
   * facilitator's roster until its next 15-second renewal.
   */
  private readonly onStatus = ({ status }: { status: string }): void => {
    const awareness = this.provider?.awareness
    if (awareness && status === 'connected') {
      // Announce ourselves with a fresh clock, so peers that saw us leave accept us again.
      const local = awareness.getLocalState()
      if (local !== null) awareness.setLocalState(local)
    } else if (awareness && status === 'disconnected') {
      // Forget the clocks of peers we dropped, so their states are accepted when we are back.
      for (const clientId of [...awareness.meta.keys()]) {
        if (clientId !== this.doc.clientID) awareness.meta.delete(clientId)
      }
    }
    this.update()
  }

  /**
   * The server refused an update of ours (read-only now: board locked, time up). Our document
   * holds changes the server will never have, and every later change of this Yjs client would
   * depend on them and be held back too; so we start over from the server's state with a
   * fresh document. Every refusal leads there: within two seconds of the last reset (so that
   * a misbehaving view cannot spin) the reset waits until they are up, and later refusals
   * join the waiting one.
   */
  private onRefused(reason: string): void {
    this.refusal = reason
    this.recover()
    this.emit()
  }

  /** Resets now or schedules the reset; says whether it ran now. */
  private recover(): boolean {
    const plan = planReset(performance.now(), this.lastReset, this.resetTimer !== null)
    if (plan.kind === 'now') this.reset()
    else if (plan.kind === 'later') {
      this.resetTimer = setTimeout(() => {
        this.resetTimer = null
        this.reset()
      }, plan.delay)
    }
    return plan.kind === 'now'
  }

  /** Drops the document (and its device copy) and starts over from the server's state. */
  private reset(): void {
    this.lastReset = performance.now()
    this.retireSocket()
    // The device copy holds the refused change too: a reload would send it again.
    this.deviceCopy?.detach(true)
    this.stop()
    this.current.destroy()
    this.current = new Y.Doc()
    this.lastClock = 0
    // Attaches the device copy to the fresh document once the old copy is deleted.
    if (this.listeners.size > 0) this.start()
    this.emit()
  }

  /**
   * Takes the open socket from the provider before a reset destroys it. The server may be
   * closing it with a reason right after its refusal (4413: the document is full); closing it
   * ourselves first would hide that code. So it gets a moment to close by itself, reads nothing
   * more, and is closed then.
   */
  private retireSocket(): void {
    const provider = this.provider
    const socket = provider?.ws
    if (!provider || !socket) return
    provider.ws = null
    socket.onmessage = null
    socket.onopen = null
    socket.onclose = null
    socket.onerror = null
    if (socket.readyState === WebSocket.CLOSED) return
    const timer = setTimeout(() => socket.close(), RETIRED_SOCKET_MS)
    socket.addEventListener(
      'close',
      (event) => {
        clearTimeout(timer)
        this.onNotice({ type: 'closed', code: event.code })
      },
      { once: true },
    )
  }

  private readonly onClose = (event: CloseEvent | null): void => {
    if (event) this.onNotice({ type: 'closed', code: event.code })
    if (event?.code === CLOSE.documentFull) {
      // The update that would pass the quota was refused: like any refusal, start over (once
      // the provider has finished with this close; it is still inside it now). Until a waiting
      // reset runs, do not reconnect: each try would download the full document only to send
      // the refused change again.
      queueMicrotask(() => {
        if (!this.recover()) this.provider?.disconnect()
      })
    }
    if (event && isFinalClose(event.code)) {
      this.finalCloseCode = event.code
      this.provider?.disconnect()
      // Nothing stored here can ever sync again; when the workshop or session is gone, neither
      // may its copy stay behind on the device.
      this.deviceCopy?.detach(SESSION_GONE.includes(event.code))
    }
    this.update()
  }

  private readonly onSync = (synced: boolean): void => {
    if (synced) this.onNotice({ type: 'synced' })
    this.update()
  }

  /** A change this person made (not one from the server or the device copy). */
  private readonly onDocUpdate = (
    _update: Uint8Array,
    _origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ): void => {
    if (transaction.local && this.notice !== null) this.onNotice({ type: 'changed' })
  }

  private onNotice(event: NoticeEvent): void {
    // A socket dropped by a reset may close after nobody shows this document any more.
    if (this.listeners.size === 0) return
    const next = nextNotice(this.notice, event, this.options.kind)
    if (next === this.notice) return
    this.notice = next
    connectionNotices.publish(this, next?.message ?? null)
    this.emit()
  }

  private readonly onAwareness = (): void => {
    if (!this.provider) return
    this.peers = awarenessEntries(this.provider.awareness.getStates())
    this.emit()
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.wake()
  }

  /**
   * The device lost its network. An open socket can linger (until a send times out, or on
   * and on where the network is only emulated away), so drop it now: the badge says offline,
   * edits wait in the document (and its device copy), and `online` reconnects at once.
   */
  private readonly onOffline = (): void => {
    const provider = this.provider
    if (provider && provider.ws !== null) provider.disconnect()
    this.update()
  }

  /** Back online or back from sleep: retry now instead of waiting out the backoff. */
  private readonly wake = (): void => {
    const provider = this.provider
    if (!provider || this.finalCloseCode !== null || provider.wsconnected) return
    provider.wsUnsuccessfulReconnects = 0
    if (provider.ws === null) provider.connect()
    this.update()
  }

  private readonly update = (): void => {
    const provider = this.provider
    const next = deriveConnection({
      connected: provider?.wsconnected ?? false,
      synced: provider?.synced ?? false,
      failedAttempts: provider?.wsUnsuccessfulReconnects ?? 0,
      online: navigator.onLine,
      finalCloseCode: this.finalCloseCode,
    })
    if (sameConnection(next, this.state)) return
    this.state = next
    this.emit()
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener()
  }
}
