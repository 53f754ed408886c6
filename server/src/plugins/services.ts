// The workshop's services as decorators, created once here so routes stay thin and never
// construct one (fastify-cli's plugins-before-routes).
import fp from 'fastify-plugin'
import { DecisionService } from '../workshop/decisions.js'
import { IdeaService } from '../workshop/ideas.js'
import { MatrixService } from '../workshop/matrix.js'
import { RoundsService } from '../workshop/rounds.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Puts ideas on the board: the brainstorm reveal, the facilitator's items, open adding. */
    ideas: IdeaService
    /** Opens, closes (seals), reveals and reopens sealed rounds of every kind. */
    rounds: RoundsService
    /** The 2x2's server action: adopting the revealed aggregate as the placement. */
    matrix: MatrixService
    /** The decide phase's server actions: recording a decision in the log, withdrawing one. */
    decisions: DecisionService
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
    app.decorate(
      'rounds',
      new RoundsService({
        rooms: app.rooms,
        store: app.store,
        // The progress tracker counts every kind this service runs: one registry.
        kinds: app.progress.kinds,
        onUnreadable: (err, participantId, round) =>
          app.log.warn(
            { err, participantId, round },
            'private document unreadable at close; skipped',
          ),
      }),
    )
    app.decorate('matrix', new MatrixService({ rooms: app.rooms }))
    app.decorate('decisions', new DecisionService({ rooms: app.rooms }))
  },
  { name: 'services', dependencies: ['core'] },
)
