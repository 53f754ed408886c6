// Builds the Fastify application: plugins first (shared decorators), then routes.
import fastifyCompress from '@fastify/compress'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyWebsocket from '@fastify/websocket'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import auth from './plugins/auth.js'
import connections from './plugins/connections.js'
import core from './plugins/core.js'
import errors from './plugins/errors.js'
import jsonBody from './plugins/json-body.js'
import serverTiming from './plugins/server-timing.js'
import services from './plugins/services.js'
import health from './routes/health.js'
import brainstorm from './routes/brainstorm.js'
import exportRoute from './routes/export.js'
import voting from './routes/voting.js'
import rounds from './routes/rounds.js'
import framework from './routes/framework.js'
import matrix from './routes/matrix.js'
import decisions from './routes/decisions.js'
import done from './routes/done.js'
import join from './routes/join.js'
import staticFiles from './routes/static.js'
import sync from './routes/sync.js'
import viewer from './routes/viewer.js'
import participants from './routes/participants.js'
import operator from './routes/operator.js'
import joinLinkHealth from './routes/join-link-health.js'
import workshops from './routes/workshops.js'
import type { Store } from './store/store.js'

export interface AppOptions {
  /** Use this store instead of SQLite under `config.dataDir`. */
  store?: Store
  /** Where log lines go (tests read them); stdout by default. */
  logStream?: { write(line: string): void }
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: {
        // Sync URLs carry the token in the query string: log the path only.
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          url: req.url.split('?')[0],
        }),
      },
    },
    bodyLimit: 64 * 1024,
    trustProxy: false,
  })
  await app.register(serverTiming)
  await app.register(errors)
  await app.register(jsonBody)
  await app.register(core, { config, ...(options.store ? { store: options.store } : {}) })
  await app.register(auth)
  await app.register(connections)
  await app.register(services)
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        // The service worker (/sw.js) and the web app manifest, both from this origin.
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // The app is served over plain http on a LAN; do not force https.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
  })
  // JSON answers above 1 KiB go out compressed (brotli or gzip, as the request accepts). The
  // client's files are compressed at build time (routes/static.ts), so they pass through as they
  // are; request bodies are never decompressed (bodyLimit counts the bytes as sent).
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    globalDecompression: false,
  })
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests; try again in ${context.after}`,
    }),
  })
  await app.register(fastifyWebsocket, {
    options: { maxPayload: config.maxFrameBytes },
    // Socket errors here are a client's doing (oversize or broken frames): a warning, not an error.
    errorHandler: (err, socket, request) => {
      request.log.warn({ err: { message: err.message } }, 'websocket closed on a client error')
      socket.terminate()
    },
  })
  await app.register(health)
  await app.register(workshops)
  await app.register(join)
  await app.register(brainstorm)
  await app.register(exportRoute)
  await app.register(viewer)
  await app.register(participants)
  await app.register(operator)
  await app.register(joinLinkHealth)
  await app.register(voting)
  await app.register(rounds)
  await app.register(framework)
  await app.register(matrix)
  await app.register(decisions)
  await app.register(done)
  await app.register(sync)
  await app.register(staticFiles)
  return app
}
