// The big-workshop benchmark's figures: samples recorded per measure, timed runs, and the
// Markdown table printed at the end (median, max, goal, verdict, GC share of the slowest).
import { cpus, totalmem } from 'node:os'
import { gcInside, since } from './big-workshop-fixture.js'

interface Figure {
  readonly name: string
  readonly samples: number[]
  /** Goal in ms when this figure is one of the goals. */
  readonly goal?: number
  readonly note?: string
}
const figures: Figure[] = []

export function record(name: string, samples: number[], goal?: number, note?: string): void {
  figures.push({
    name,
    samples,
    ...(goal === undefined ? {} : { goal }),
    ...(note ? { note } : {}),
  })
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const max = (xs: readonly number[]) => Math.max(...xs)
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1))
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

/** Times `fn` `n` times (after `warm` untimed runs); returns the samples in ms. */
export async function times(n: number, fn: () => unknown, warm = 0): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    out.push(since(t))
  }
  return out
}

export function machine(): string {
  const cpu = cpus()
  return `${cpu.length} CPUs (nproc), ${cpu[0]?.model ?? 'unknown'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform} ${process.arch}`
}

export function table(): string {
  const rows = figures.map((f) => {
    const m = median(f.samples)
    const x = max(f.samples)
    const goal = f.goal === undefined ? '' : `< ${f.goal} ms`
    const verdict =
      f.goal === undefined ? '' : x < f.goal ? 'met' : m < f.goal ? 'median only' : 'MISSED'
    const gc = gcInside(x)
    const notes = [f.note, gc !== null && gc >= 1 ? `slowest sample: ${ms(gc)} ms of it GC` : '']
    return `| ${f.name} | ${f.samples.length} | ${ms(m)} | ${ms(x)} | ${goal} | ${verdict} | ${notes.filter(Boolean).join('; ')} |`
  })
  return [
    '| Measure | n | median ms | max ms | goal | | notes |',
    '| --- | --: | --: | --: | --- | --- | --- |',
    ...rows,
  ].join('\n')
}
