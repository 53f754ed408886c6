// Every answer says how long the server spent on it, as a `Server-Timing` header (`app;dur=`
// in milliseconds, from the request's arrival to the answer leaving the handlers): the figure
// an operator reads in the browser's network panel and the benchmarks read as "server time".
import fp from 'fastify-plugin'

export default fp(
  async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`)
      return payload
    })
  },
  { name: 'server-timing' },
)
