// Liveness and public client configuration.
import type { FastifyPluginAsync } from 'fastify'

const health: FastifyPluginAsync = async (app) => {
  // The store is opened before routes are registered, so answering at all means it is open.
  app.get('/healthz', async () => ({ ok: true }))
  app.get('/api/config', async () => ({ publicUrl: app.publicUrl() }))
}
export default health
