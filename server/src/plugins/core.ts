// Opens the store and the room manager, and closes them in order (rooms first) on shutdown.
import fp from 'fastify-plugin'
import { CLOSE } from '@triage/shared'
import type { AddressInfo } from 'node:net'
import { Cluster } from '../cluster/cluster.js'
import { lanAddress, type Config } from '../config.js'
import { openStore } from '../store/open.js'
import type { Store } from '../store/store.js'
import { Rooms } from '../sync/rooms.js'
import { workshopAccessPolicy } from '../workshop/access-policy.js'
import { Ownership } from '../workshop/ownership.js'
import { ProgressTracker } from '../workshop/progress.js'
import { observeMatrixLog } from '../workshop/matrix-log.js'
import { observeSessionLog } from '../workshop/session-log.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    store: Store
    rooms: Rooms
    /** The other nodes (REDIS_URL), or null when this node is the only one. */
    cluster: Cluster | null
    /** Proves who wrote an idea without saying so on the board. */
    ownership: Ownership
    /** Brainstorm counts per participant (flush() writes what is pending). */
    progress: ProgressTracker
    /** The base URL join links and QR codes carry (PUBLIC_URL, else LAN address and bound port). */
    publicUrl(): string
  }
}

/** How long progress changes gather before one write to the control document. */
const PROGRESS_DELAY_MS = 100

export interface CoreOptions {
  config: Config
  /** A store to use instead of SQLite under `config.dataDir` (contract tests, other engines). */
  store?: Store
}

export default fp<CoreOptions>(
  async (app, { config, store: given }) => {
    const store =
      given ??
      (await openStore(config, (err) =>
        app.log.warn({ err }, 'an idle database connection failed; the pool opens a new one'),
      ))
    const ownership = new Ownership(await store.secret('idea-ownership'))
    const progress = new ProgressTracker(PROGRESS_DELAY_MS, (err) =>
      app.log.error({ err }, 'brainstorm progress not written'),
    )
    const cluster = config.cluster
      ? new Cluster({
          redisUrl: config.cluster.redisUrl,
          store,
          sweepMs: config.cluster.sweepMs,
          dropEvery: config.cluster.dropEvery,
          log: app.log,
          // Read when an event comes: the connections plugin registers after this one.
          onCloseConnections: (filter, code, reason) =>
            app.connections.closeHere(filter, code, reason),
          onWorkshopDeleted: (workshopId) => {
            app.connections.closeHere({ workshopId }, CLOSE.gone, 'workshop deleted')
            void rooms.deleteWorkshop(workshopId, true)
          },
        })
      : null
    const rooms = new Rooms(store, {
      ...(cluster ? { cluster } : {}),
      graceMs: config.roomGraceMs,
      compactAfter: config.compactAfter,
      onError: (err, doc) => app.log.error({ err, doc }, 'document storage failed'),
      policy: workshopAccessPolicy({
        ownsIdea: (identity, ideaId, tag) =>
          ownership.owns(identity.workshopId, identity.participantId, ideaId, tag),
      }),
      onPrivateChange: progress.onPrivateChange,
      onLoad: (ref, doc) => {
        if (ref.kind === 'control') {
          observeSessionLog(doc)
          observeMatrixLog(doc)
        }
      },
      quotas: {
        maxDocBytes: config.limits.maxDocBytes,
        maxPrivateDocBytes: config.limits.maxPrivateDocBytes,
        maxDocClients: config.limits.maxDocClients,
        maxClientsPerIdentity: config.limits.maxClientsPerIdentity,
      },
      onWarning: (message, details) => app.log.warn(details, message),
    })
    progress.attach(rooms)
    app.decorate('config', config)
    app.decorate('store', store)
    app.decorate('rooms', rooms)
    app.decorate('cluster', cluster)
    app.decorate('ownership', ownership)
    app.decorate('progress', progress)
    app.decorate('publicUrl', () => {
      if (config.publicUrl) return config.publicUrl
      const bound = app.server.address() as AddressInfo | null
      return `http://${lanAddress()}:${bound?.port ?? config.port}`
    })
    app.addHook('onClose', async () => {
      await progress.flush()
      progress.stop()
      await rooms.closeAll()
      await cluster?.close()
      await store.close()
    })
  },
  { name: 'core' },
)
