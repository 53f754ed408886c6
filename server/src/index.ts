// Entry point: reads the environment, opens the store, serves client, API and sync on one port.
import { buildApp } from './app.js'
import { loadConfig } from './config.js'
import { describeStore } from './store/open.js'

const config = loadConfig()
const app = await buildApp(config)
const address = await app.listen({ port: config.port, host: config.host })
const port = new URL(address).port
const local = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`
console.log(
  `Triage Board listening on ${local} (join links use ${app.publicUrl()}; data in ${describeStore(config)})`,
)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down')
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
