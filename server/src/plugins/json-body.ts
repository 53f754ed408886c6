// JSON bodies, with one leniency: `content-type: application/json` and no body at all is taken
// as no body, since common HTTP clients send the header on a DELETE or an action POST without
// one. Anything else is parsed by Fastify's own parser (same poisoning guards, same errors, the
// routes' body limits).
import fp from 'fastify-plugin'

export default fp(
  async (app) => {
    const parseJson = app.getDefaultJsonParser('error', 'error')
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8')
      // The route decides whether it needs a body: its schema answers 400 when it does.
      if (text.length === 0) return done(null, undefined)
      void parseJson(request, text, done)
    })
  },
  { name: 'json-body' },
)
