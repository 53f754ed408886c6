// Opens the store and the room manager, and closes them in order (rooms first) on shutdown.
import fp from 'fastify-plugin'
import type { AddressInfo } from 'node:net'
import { lanAddress, type Config } from '../config.js'
import { openSqliteStore } from '../store/sqlite-store.js'
import type { Store } from '../store/store.js'
import { Rooms } from '../sync/rooms.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    store: Store
    rooms: Rooms
    /** The base URL join links and QR codes carry (PUBLIC_URL, else LAN address and bound port). */
    publicUrl(): string
  }
}

export interface CoreOptions {
  config: Config
  /** A store to use instead of SQLite under `config.dataDir` (contract tests, other engines). */
  store?: Store
}

export default fp<CoreOptions>(
  async (app, { config, store: given }) => {
    const store = given ?? openSqliteStore(config.dataDir)
    const rooms = new Rooms(store, {
      graceMs: config.roomGraceMs,
      compactAfter: config.compactAfter,
      onError: (err, doc) => app.log.error({ err, doc }, 'document storage failed'),
    })
    app.decorate('config', config)
    app.decorate('store', store)
    app.decorate('rooms', rooms)
    app.decorate('publicUrl', () => {
      if (config.publicUrl) return config.publicUrl
      const bound = app.server.address() as AddressInfo | null
      return `http://${lanAddress()}:${bound?.port ?? config.port}`
    })
    app.addHook('onClose', async () => {
      await rooms.closeAll()
      await store.close()
    })
  },
  { name: 'core' },
)
