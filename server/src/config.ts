// Server configuration from the environment, validated once at start-up.
import { networkInterfaces } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  /** PUBLIC_URL when set; otherwise null and the LAN address with the bound port is used. */
  readonly publicUrl: string | null
  /** Folder of the built client, or null to serve the API only. */
  readonly staticDir: string | null
  /** How long a document stays in memory after its last connection leaves. */
  readonly roomGraceMs: number
  /** Largest websocket frame accepted, in bytes. */
  readonly maxFrameBytes: number
  /** Sustained websocket messages per second per connection, and the burst above it. */
  readonly messageRate: number
  readonly messageBurst: number
  /** Workshops created per minute per address. */
  readonly createPerMinute: number
  /** Join requests per minute per address (a whole ward may share one NAT address). */
  readonly joinPerMinute: number
  /** Stored updates of one document before they are compacted into a snapshot. */
  readonly compactAfter: number
  readonly logLevel: string
  /** Quotas and connection caps: see docs/security.md. */
  readonly limits: SyncLimits
  /** PostgreSQL (DATABASE_URL) as the store, or null for SQLite under `dataDir`. */
  readonly database: DatabaseConfig | null
  /** Several nodes: Redis between them (REDIS_URL), or null for one node. See docs/scale-out.md. */
  readonly cluster: ClusterConfig | null
  /**
   * Bearer token for the operator endpoints (`/api/operator/*`); without one they answer only
   * requests from this machine (loopback).
   */
  readonly operatorToken: string | null
}

export interface ClusterConfig {
  readonly redisUrl: string
  /** How often each loaded document is checked against the store for a missed message. */
  readonly sweepMs: number
  /** Fault injection for tests: drop every Nth update this node publishes (0: never). */
  readonly dropEvery: number
}

export interface DatabaseConfig {
  /** `postgres://user:password@host:port/database`; never logged (it holds the password). */
  readonly url: string
  /** Connections this node keeps open at most. */
  readonly poolMax: number
}

export interface SyncLimits {
  /** Encoded size of the board or the control document, in bytes. */
  readonly maxDocBytes: number
  /** Encoded size of one participant's private document, in bytes. */
  readonly maxPrivateDocBytes: number
  /** Distinct Yjs client ids that may ever write one document. */
  readonly maxDocClients: number
  /** Distinct Yjs client ids one identity (one person's token) may write one document under. */
  readonly maxClientsPerIdentity: number
  /** Concurrent websocket connections per token, and per remote address. */
  readonly maxConnectionsPerToken: number
  /** The same for the read-only link's token, which a whole hospital may open at once. */
  readonly maxConnectionsPerViewerLink: number
  readonly maxConnectionsPerAddress: number
  /**
   * Concurrent websocket connections on this node, whoever opens them: one more is refused at
   * the upgrade (503), so a node is never overloaded silently and a balancer can go elsewhere.
   */
  readonly maxConnectionsPerNode: number
  /** What a socket may send before it is authenticated (bytes and messages) before it is closed. */
  readonly preAuthBytes: number
  readonly preAuthMessages: number
}

/** The first non-internal IPv4 address, so that phones on the same network can reach us. */
export function lanAddress(): string {
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return '127.0.0.1'
}

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def)

const envSchema = z.object({
  PORT: int(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  STATIC_DIR: z.string().optional(),
  ROOM_GRACE_MS: int(5000),
  MAX_FRAME_BYTES: int(1024 * 1024, 1024),
  WS_MESSAGES_PER_SECOND: int(200, 1),
  WS_MESSAGE_BURST: int(1000, 1),
  CREATE_PER_MINUTE: int(30, 1),
  JOIN_PER_MINUTE: int(600, 1),
  COMPACT_AFTER: int(500, 1),
  MAX_DOC_BYTES: int(4 * 1024 * 1024, 1024),
  MAX_PRIVATE_DOC_BYTES: int(1024 * 1024, 1024),
  MAX_DOC_CLIENTS: int(4096, 1),
  MAX_CLIENTS_PER_IDENTITY: int(256, 1),
  MAX_CONNECTIONS_PER_TOKEN: int(24, 1),
  MAX_CONNECTIONS_PER_VIEWER_LINK: int(400, 1),
  MAX_CONNECTIONS_PER_ADDRESS: int(2000, 1),
  MAX_CONNECTIONS_PER_NODE: int(5000, 1),
  PREAUTH_MAX_BYTES: int(64 * 1024, 1),
  PREAUTH_MAX_MESSAGES: int(64, 1),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .optional(),
  CLUSTER_SWEEP_MS: int(1000, 50),
  CLUSTER_DROP_EVERY: int(0),
  OPERATOR_TOKEN: z.string().min(16).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  PG_POOL_MAX: int(10, 1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

/** Reads the configuration; throws with every problem listed when the environment is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Bad configuration:\n  ${lines.join('\n  ')}`)
  }
  const e = parsed.data
  if (e.REDIS_URL && !e.DATABASE_URL) {
    // Each node's own SQLite file would hold a different workshop: nodes share one store.
    throw new Error(
      'Bad configuration:\n  REDIS_URL: several nodes need one shared store; set DATABASE_URL too',
    )
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    staticDir:
      e.STATIC_DIR === '' ? null : resolve(e.STATIC_DIR ?? resolve(repoRoot, 'client/dist')),
    roomGraceMs: e.ROOM_GRACE_MS,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    messageRate: e.WS_MESSAGES_PER_SECOND,
    messageBurst: e.WS_MESSAGE_BURST,
    createPerMinute: e.CREATE_PER_MINUTE,
    joinPerMinute: e.JOIN_PER_MINUTE,
    compactAfter: e.COMPACT_AFTER,
    logLevel: e.LOG_LEVEL,
    limits: {
      maxDocBytes: e.MAX_DOC_BYTES,
      maxPrivateDocBytes: e.MAX_PRIVATE_DOC_BYTES,
      maxDocClients: e.MAX_DOC_CLIENTS,
      maxClientsPerIdentity: e.MAX_CLIENTS_PER_IDENTITY,
      maxConnectionsPerToken: e.MAX_CONNECTIONS_PER_TOKEN,
      maxConnectionsPerViewerLink: e.MAX_CONNECTIONS_PER_VIEWER_LINK,
      maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
      maxConnectionsPerNode: e.MAX_CONNECTIONS_PER_NODE,
      preAuthBytes: e.PREAUTH_MAX_BYTES,
      preAuthMessages: e.PREAUTH_MAX_MESSAGES,
    },
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, poolMax: e.PG_POOL_MAX } : null,
    cluster: e.REDIS_URL
      ? { redisUrl: e.REDIS_URL, sweepMs: e.CLUSTER_SWEEP_MS, dropEvery: e.CLUSTER_DROP_EVERY }
      : null,
    operatorToken: e.OPERATOR_TOKEN ?? null,
  }
}
