#!/usr/bin/env node
// PostgreSQL and Redis from Debian's packages (postgresql, redis-server) on loopback, with their
// data in a temp folder: for running several nodes locally and for the tests that need them.
//
//   eval "$(node scripts/services.mjs start)"   # installs when absent, starts, prints exports
//   node scripts/services.mjs status            # the exports again, if they are running
//   node scripts/services.mjs stop              # stops what `start` started, deletes its data
//
// `start` prints TEST_DATABASE_URL (an admin URL: tests create and drop their own databases),
// TEST_REDIS_URL, and the binaries (TEST_REDIS_SERVER_BIN, TEST_PG_BIN_DIR) for tests that start
// and kill their own copies. scripts/run.mjs (npm test) calls startServices() the same way and
// stops them when the tests end, whatever the outcome.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const log = (line) => process.stderr.write(`${line}\n`)
const isRoot = process.getuid?.() === 0
/** Where `start` records what it started, so that `stop` and `status` find it. */
const stateFile = join(tmpdir(), `triage-services-${process.getuid?.() ?? 'user'}.json`)

const works = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0

function must(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', ...opts })
  if (res.error) throw res.error
  if (res.status !== 0) {
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim()
    throw new Error(`${[cmd, ...args].join(' ')} failed (exit ${res.status ?? res.signal})\n${out}`)
  }
  return res.stdout ?? ''
}

/** apt-get as root or through password-less sudo; null when neither is possible. */
function aptInstall(packages) {
  if (!works('which', ['apt-get'])) return false
  const sudo = isRoot ? [] : works('sudo', ['-n', 'true']) ? ['sudo', '-n'] : null
  if (!sudo) return false
  const apt = (args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args]
    log(`> ${[cmd, ...rest].join(' ')}`)
    must(cmd, rest, {
      // stdout is for the exports: apt's chatter goes to stderr.
      stdio: ['ignore', process.stderr, 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  }
  apt(['update', '-qq'])
  apt(['install', '-y', '-qq', '--no-install-recommends', ...packages])
  return true
}

const which = (name) => {
  const res = spawnSync('which', [name], { encoding: 'utf8' })
  return res.status === 0 ? res.stdout.trim() : null
}

/** The folder holding initdb, pg_ctl and postgres: on PATH, else Debian's newest version. */
function findPgBin() {
  const onPath = which('initdb')
  if (onPath && which('pg_ctl') && which('postgres')) return join(onPath, '..')
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length > 0 ? join(base, versions[0], 'bin') : null
}

const findRedis = () =>
  which('redis-server') ?? (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null)

/** Finds the binaries, installing Debian's packages for what is missing. */
export function ensureInstalled() {
  let pgBin = findPgBin()
  let redis = findRedis()
  const missing = [...(pgBin ? [] : ['postgresql']), ...(redis ? [] : ['redis-server'])]
  if (missing.length > 0) {
    log(`Installing ${missing.join(' and ')} from Debian's packages...`)
    if (!aptInstall(missing)) {
      throw new Error(
        `PostgreSQL and Redis are needed (Debian packages: ${missing.join(', ')}). Install them ` +
          '(apt-get install postgresql redis-server) or set TEST_DATABASE_URL and TEST_REDIS_URL.',
      )
    }
    pgBin = findPgBin()
    redis = findRedis()
  }
  if (!pgBin || !redis) throw new Error('PostgreSQL or Redis is still missing after apt-get')
  return { pgBin, redis }
}

/** A port nothing listens on now, on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** initdb and postgres refuse root: as root, they run as the package's `postgres` user. */
function pgUser() {
  if (!isRoot) return null
  if (!works('id', ['-u', 'postgres'])) {
    must('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'])
  }
  return 'postgres'
}

const asUser = (user, cmd, args) =>
  user ? ['runuser', ['-u', user, '--', cmd, ...args]] : [cmd, args]

/** Sends `request` to a TCP port and resolves with what came back first. */
function ask(port, request) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    let answer = ''
    const done = () => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(1000, done)
    socket.on('connect', () => socket.write(request))
    socket.on('data', (chunk) => {
      answer += chunk.toString()
      if (answer.includes('\r\n')) done()
    })
    socket.on('error', done)
  })
}

async function waitForRedis(port, password) {
  for (let i = 0; i < 200; i++) {
    const answer = await ask(port, `AUTH ${password}\r\nPING\r\n`)
    if (answer.startsWith('+OK')) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`Redis did not answer on port ${port}`)
}

/**
 * Starts PostgreSQL and Redis on free loopback ports with their data under a new temp folder.
 * Resolves with the environment the tests read and a synchronous `stop` (safe to call twice,
 * and from a process 'exit' handler).
 */
export async function startServices() {
  const { pgBin, redis } = ensureInstalled()
  const base = mkdtempSync(join(tmpdir(), 'triage-services-'))
  chmodSync(base, 0o755)
  const user = pgUser()
  const started = { base, pgBin, pgData: null, redisPidFile: null, user }
  const env = {}
  try {
    // PostgreSQL: its own cluster, password login on 127.0.0.1 only, no Unix socket.
    const pgDir = join(base, 'pg')
    mkdirSync(pgDir, { mode: 0o700 })
    if (user) must('chown', [user, pgDir])
    const pgPassword = randomBytes(12).toString('hex')
    const pwFile = join(pgDir, 'pw')
    writeFileSync(pwFile, `${pgPassword}\n`, { mode: 0o600 })
    if (user) must('chown', [user, pwFile])
    const pgData = join(pgDir, 'data')
    const initdb = asUser(user, join(pgBin, 'initdb'), [
      '-D',
      pgData,
      '-U',
      'postgres',
      '--auth=scram-sha-256',
      `--pwfile=${pwFile}`,
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ])
    // From a folder the postgres user may enter (the caller's may be under /root).
    must(...initdb, { cwd: base })
    rmSync(pwFile)
    const pgPort = await freePort()
    const options = [
      `-p ${pgPort}`,
      '-c listen_addresses=127.0.0.1',
      "-c unix_socket_directories=''",
      // Several nodes, each with a pool, and test files in parallel.
      '-c max_connections=300',
    ].join(' ')
    const pgCtl = join(pgBin, 'pg_ctl')
    must(
      ...asUser(user, pgCtl, [
        '-D',
        pgData,
        '-l',
        join(pgDir, 'postgres.log'),
        '-o',
        options,
        '-w',
        '-t',
        '60',
        'start',
      ]),
      { stdio: ['ignore', 'ignore', 'pipe'], cwd: base },
    )
    started.pgData = pgData
    env.TEST_DATABASE_URL = `postgres://postgres:${pgPassword}@127.0.0.1:${pgPort}/postgres`
    env.TEST_PG_BIN_DIR = pgBin
    log(`PostgreSQL on 127.0.0.1:${pgPort} (data in ${pgData})`)

    // Redis: no persistence (the tests' data lives in PostgreSQL), a password, loopback only.
    const redisDir = join(base, 'redis')
    mkdirSync(redisDir)
    const redisPort = await freePort()
    const redisPassword = randomBytes(12).toString('hex')
    const pidFile = join(redisDir, 'redis.pid')
    must(redis, [
      '--port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--dir',
      redisDir,
      '--daemonize',
      'yes',
      '--pidfile',
      pidFile,
      '--logfile',
      join(redisDir, 'redis.log'),
      '--save',
      '',
      '--appendonly',
      'no',
      '--requirepass',
      redisPassword,
    ])
    started.redisPidFile = pidFile
    await waitForRedis(redisPort, redisPassword)
    env.TEST_REDIS_URL = `redis://:${redisPassword}@127.0.0.1:${redisPort}`
    env.TEST_REDIS_SERVER_BIN = redis
    log(`Redis on 127.0.0.1:${redisPort}`)
  } catch (err) {
    stopStarted(started)
    throw err
  }
  let stopped = false
  return {
    env,
    state: started,
    stop() {
      if (stopped) return
      stopped = true
      stopStarted(started)
    },
  }
}

/** Stops what `startServices` started and deletes its folder; synchronous, never throws. */
function stopStarted({ base, pgBin, pgData, redisPidFile, user }) {
  if (pgData) {
    const [cmd, args] = asUser(user, join(pgBin, 'pg_ctl'), [
      '-D',
      pgData,
      '-m',
      'fast',
      '-w',
      'stop',
    ])
    const res = spawnSync(cmd, args, { stdio: 'ignore', cwd: tmpdir() })
    if (res.status !== 0) log(`PostgreSQL in ${pgData} did not stop cleanly`)
  }
  if (redisPidFile && existsSync(redisPidFile)) {
    const pid = Number(readFileSync(redisPidFile, 'utf8').trim())
    try {
      if (pid > 0) process.kill(pid, 'SIGTERM')
      // Redis removes its pid file when it has shut down.
      for (let i = 0; i < 100 && existsSync(redisPidFile); i++) {
        spawnSync('sleep', ['0.05'])
      }
    } catch {
      // Already gone.
    }
  }
  rmSync(base, { recursive: true, force: true })
}

const exportsOf = (env) =>
  Object.entries(env)
    .map(([k, v]) => `export ${k}='${v}'`)
    .join('\n')

const alive = (state) =>
  state.redisPidFile &&
  existsSync(state.redisPidFile) &&
  state.pgData &&
  existsSync(join(state.pgData, 'postmaster.pid'))

const readState = () => (existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : null)

async function main(command) {
  const current = readState()
  if (command === 'start') {
    if (current && alive(current.state)) {
      log('Already running (stop them with: node scripts/services.mjs stop)')
      console.log(exportsOf(current.env))
      return
    }
    const services = await startServices()
    writeFileSync(stateFile, JSON.stringify({ env: services.env, state: services.state }), {
      mode: 0o600,
    })
    console.log(exportsOf(services.env))
  } else if (command === 'status') {
    if (!current || !alive(current.state)) {
      log('Not running')
      process.exitCode = 1
      return
    }
    console.log(exportsOf(current.env))
  } else if (command === 'stop') {
    if (!current) {
      log('Nothing to stop')
      return
    }
    stopStarted(current.state)
    rmSync(stateFile, { force: true })
    log('Stopped')
  } else {
    log('usage: node scripts/services.mjs start|status|stop')
    process.exitCode = 2
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).catch((err) => {
    log(String(err instanceof Error ? err.message : err))
    process.exitCode = 1
  })
}
