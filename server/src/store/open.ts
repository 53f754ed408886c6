// Opens the store the configuration names: PostgreSQL when DATABASE_URL is set (several nodes),
// else SQLite in the data folder (one machine, no set-up).
import { openSqliteStore } from './sqlite-store.js'
import type { Store } from './store.js'

/** What of the configuration (config.ts) names the store. */
export interface StoreChoice {
  readonly dataDir: string
  /** DATABASE_URL and PG_POOL_MAX, or null for SQLite. */
  readonly database: { readonly url: string; readonly poolMax: number } | null
}

export async function openStore(
  config: StoreChoice,
  onError: (err: Error) => void = () => undefined,
): Promise<Store> {
  if (!config.database) return openSqliteStore(config.dataDir)
  // Loaded only when used, so a one-machine server never loads the PostgreSQL driver.
  const { openPgStore } = await import('./pg-store.js')
  return openPgStore({
    connectionString: config.database.url,
    poolMax: config.database.poolMax,
    onError,
  })
}

/** Where the data is, for a log line: the folder, or the database without its credentials. */
export function describeStore(config: StoreChoice): string {
  if (!config.database) return config.dataDir
  const url = new URL(config.database.url)
  return `PostgreSQL ${url.host}${url.pathname}`
}
