// What a process costs, read from /proc: CPU time (utime + stime ticks) and resident memory.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

let ticksPerSecond: number | null = null

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    } catch {
      ticksPerSecond = 100
    }
    if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100
  }
  return ticksPerSecond
}

/** CPU seconds the process has used (user + system), or NaN when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / clockTicks()
  } catch {
    return NaN
  }
}

/** Resident set size in MiB, or NaN when the process is gone. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
    return match ? Number(match[1]) / 1024 : NaN
  } catch {
    return NaN
  }
}

export interface ProcUsage {
  /** Average CPU over the window, in percent of one core. */
  readonly cpuPercent: number
  readonly rssPeakMiB: number
  readonly rssEndMiB: number
}

/** Samples a process while a workload runs: CPU from start to stop, RSS peak every 250 ms. */
export class ProcSampler {
  private startCpu = NaN
  private startAt = 0
  private peak = 0
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly pid: number) {}

  start(): void {
    this.startCpu = cpuSeconds(this.pid)
    this.startAt = performance.now()
    this.peak = rssMiB(this.pid)
    this.timer = setInterval(() => {
      const rss = rssMiB(this.pid)
      if (rss > this.peak) this.peak = rss
    }, 250)
  }

  stop(): ProcUsage {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    const seconds = (performance.now() - this.startAt) / 1000
    const cpu = cpuSeconds(this.pid) - this.startCpu
    const end = rssMiB(this.pid)
    return {
      cpuPercent: seconds > 0 ? (cpu / seconds) * 100 : NaN,
      rssPeakMiB: Math.max(this.peak, end),
      rssEndMiB: end,
    }
  }
}
