// The workshop's services as decorators, created once here so routes stay thin and never
// construct one (fastify-cli's plugins-before-routes).
import fp from 'fastify-plugin'
import { IdeaService } from '../workshop/ideas.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Puts ideas on the board: the brainstorm reveal, the facilitator's items, open adding. */
    ideas: IdeaService
  }
}

export default fp(
  async (app) => {
    app.decorate(
      'ideas',
      new IdeaService({
        rooms: app.rooms,
        ownership: app.ownership,
        listParticipants: (id) => app.store.listParticipants(id),
        onUnreadable: (err, participantId) =>
          app.log.warn({ err, participantId }, 'private document unreadable; skipped'),
      }),
    )
  },
  { name: 'services', dependencies: ['core'] },
)
