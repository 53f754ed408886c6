// The workloads as schedules: who writes what when, who connects and who drops. Pure and seeded,
// so a run is the same schedule against every server.

export type WorkloadName = 'vote' | 'ideas' | 'drag' | 'join' | 'reconnect'
export const WORKLOADS: readonly WorkloadName[] = ['vote', 'ideas', 'drag', 'join', 'reconnect']

export type PlanEvent =
  | {
      readonly at: number
      readonly kind: 'write'
      readonly client: number
      readonly key: string
      readonly value: Readonly<Record<string, unknown>>
    }
  | { readonly at: number; readonly kind: 'connect' | 'drop'; readonly client: number }

export interface Plan {
  readonly name: WorkloadName
  readonly description: string
  readonly durationMs: number
  /** Clients connected and synced before the clock starts; the others connect during the run. */
  readonly preconnected: (client: number) => boolean
  /** In time order. */
  readonly events: readonly PlanEvent[]
}

/** A small seeded generator (mulberry32): the same seed gives the same schedule. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS =
  'triage theatre list delay discharge handover ward round imaging referral booking clinic ' +
  'pathway consent audit rota pager bed flow escalation sepsis bundle checklist backlog'

function ideaText(random: () => number): string {
  const words = WORDS.split(' ')
  const length = 60 + Math.floor(random() * 81)
  let text = ''
  while (text.length < length) text += `${words[Math.floor(random() * words.length)]} `
  return text.slice(0, length).trim()
}

const WINDOW_MS = 10_000

const byTime = (events: PlanEvent[]): PlanEvent[] => events.sort((a, b) => a.at - b.at)

/** Builds the schedule of a workload for `clients` clients. */
export function plan(name: WorkloadName, clients: number, seed = 1): Plan {
  const random = rng(seed)
  const events: PlanEvent[] = []
  const write = (at: number, client: number, key: string, value: Record<string, unknown>) =>
    events.push({ at, kind: 'write', client, key, value })
  switch (name) {
    case 'vote': {
      // Every phone places 5 dots within 10 s.
      for (let c = 0; c < clients; c++) {
        for (let k = 0; k < 5; k++) {
          write(random() * WINDOW_MS, c, `dot-${c}-${k}`, {
            item: `idea-${Math.floor(random() * 40)}`,
            dots: 1,
          })
        }
      }
      return {
        name,
        description: `${clients} phones × 5 dots within 10 s`,
        durationMs: WINDOW_MS,
        preconnected: () => true,
        events: byTime(events),
      }
    }
    case 'ideas': {
      // Every phone adds 2 ideas of 60–140 characters within 10 s.
      for (let c = 0; c < clients; c++) {
        for (let k = 0; k < 2; k++) {
          write(random() * WINDOW_MS, c, `idea-${c}-${k}`, { text: ideaText(random) })
        }
      }
      return {
        name,
        description: `${clients} phones × 2 ideas (60–140 chars) within 10 s`,
        durationMs: WINDOW_MS,
        preconnected: () => true,
        events: byTime(events),
      }
    }
    case 'drag': {
      // Five people drag a card each at 20 Hz for 10 s; everyone else watches.
      const movers = Math.min(5, clients)
      for (let m = 0; m < movers; m++) {
        const phase = random() * 50
        let x = random() * 1000
        let y = random() * 800
        for (let at = phase; at < WINDOW_MS; at += 50) {
          x += random() * 10 - 5
          y += random() * 10 - 5
          write(at, m, `card-${m}`, { x: Math.round(x), y: Math.round(y) })
        }
      }
      return {
        name,
        description: `${movers} movers at 20 Hz for 10 s, ${clients} clients`,
        durationMs: WINDOW_MS,
        preconnected: () => true,
        events: byTime(events),
      }
    }
    case 'join': {
      // Client 0 (the facilitator's screen) writes at 5 Hz while the others join within 10 s.
      for (let c = 1; c < clients; c++)
        events.push({ at: random() * WINDOW_MS, kind: 'connect', client: c })
      for (let at = 0; at < WINDOW_MS; at += 200) write(at, 0, `note-${at}`, { text: 'still here' })
      return {
        name,
        description: `${clients - 1} clients join within 10 s while one writes at 5 Hz`,
        durationMs: WINDOW_MS,
        preconnected: (c) => c === 0,
        events: byTime(events),
      }
    }
    case 'reconnect': {
      // The Wi-Fi drops everyone at 1 s; each phone is back within the next 10 s.
      const dropAt = 1000
      for (let c = 1; c < clients; c++) {
        events.push({ at: dropAt, kind: 'drop', client: c })
        events.push({ at: dropAt + 100 + random() * (WINDOW_MS - 100), kind: 'connect', client: c })
      }
      const end = dropAt + WINDOW_MS + 1000
      for (let at = 0; at < end; at += 200) write(at, 0, `note-${at}`, { text: 'still here' })
      return {
        name,
        description: `${clients - 1} clients drop at once and reconnect within 10 s; one writes at 5 Hz`,
        durationMs: end,
        preconnected: () => true,
        events: byTime(events),
      }
    }
  }
}
