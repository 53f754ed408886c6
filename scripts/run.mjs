#!/usr/bin/env node
// `npm start` and `npm test` on a machine with only Node 20 and npm: finds or fetches pnpm,
// installs the workspace, and (for tests) finds or installs Chromium, PostgreSQL and Redis, then
// runs every step. The tests' PostgreSQL and Redis are started on loopback for the run and
// stopped at its end, whatever the outcome (scripts/services.mjs).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureInstalled, startServices } from './services.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const PNPM_VERSION = '10.34.8'
const mode = process.argv[2]

function run(cmd, args, opts = {}) {
  const label = [cmd, ...args].join(' ')
  console.log(`\n> ${label}`)
  const started = Date.now()
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts })
  if (res.error) throw res.error
  if (res.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${res.status ?? res.signal})`)
    process.exit(res.status ?? 1)
  }
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

const works = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0

/** pnpm on PATH at our major, else through npx (fetched from the npm registry once). */
function pnpmCommand() {
  const v = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (v.status === 0 && v.stdout.trim().split('.')[0] === PNPM_VERSION.split('.')[0])
    return ['pnpm']
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`]
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(process.env.CHROMIUM_PATH)) {
      console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`)
      process.exit(1)
    }
    return process.env.CHROMIUM_PATH
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const isRoot = process.getuid?.() === 0
  if (works('which', ['apt-get'])) {
    const sudo = isRoot ? [] : works('sudo', ['-n', 'true']) ? ['sudo', '-n'] : null
    if (sudo) {
      const apt = (args) =>
        run(sudo[0] ?? 'apt-get', sudo.length ? [...sudo.slice(1), 'apt-get', ...args] : args, {
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        })
      apt(['update', '-qq'])
      apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium'])
      if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
    }
  }
  console.error(
    "The end-to-end tests need Chromium. Install Debian's package (apt-get install chromium)\n" +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again.',
  )
  process.exit(1)
}

const [pnpm, ...pnpmArgs] = pnpmCommand()
const p = (...args) => run(pnpm, [...pnpmArgs, ...args])

if (mode === 'start') {
  p('install', '--frozen-lockfile')
  p('--filter', '@triage/client', 'build')
  // The server prints the URL to open; it runs until stopped.
  // tsx resolves from server/, so the server runs there; relative folders stay relative to the root.
  const env = { ...process.env, DATA_DIR: resolve(root, process.env.DATA_DIR ?? 'data') }
  if (process.env.STATIC_DIR) env.STATIC_DIR = resolve(root, process.env.STATIC_DIR)
  run(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: join(root, 'server'), env })
} else if (mode === 'test') {
  const chromium = chromiumPath()
  // PostgreSQL and Redis for the several-node tests: the caller's when both are given, else ours.
  const ownServices = !(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL)
  if (ownServices) {
    try {
      ensureInstalled()
    } catch (err) {
      console.error(err instanceof Error ? err.message : err)
      process.exit(1)
    }
  }
  p('install', '--frozen-lockfile')
  p('run', 'typecheck')
  // Every rule is an error but max-lines, a warning that a file is due to be split.
  p('exec', 'eslint', '.')
  p('exec', 'prettier', '--check', '.')
  p('--filter', '@triage/client', 'build')
  p('run', 'check:bundle')
  let servicesEnv = {}
  if (ownServices) {
    console.log('\n> starting PostgreSQL and Redis on loopback (scripts/services.mjs)')
    const services = await startServices().catch((err) => {
      console.error(
        `PostgreSQL or Redis did not start: ${err instanceof Error ? err.message : err}`,
      )
      process.exit(1)
    })
    // run() exits the process on a failed step: stop them then too, and on Ctrl-C.
    process.on('exit', () => services.stop())
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
      process.on(signal, () => process.exit(130))
    servicesEnv = services.env
  }
  run(pnpm, [...pnpmArgs, 'exec', 'vitest', 'run'], {
    env: { ...servicesEnv, ...process.env, CHROMIUM_PATH: chromium },
  })
} else {
  console.error('usage: node scripts/run.mjs start|test')
  process.exit(2)
}
