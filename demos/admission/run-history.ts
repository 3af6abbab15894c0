import type { Clock } from '../engine'

/**
 * When each recent run was started, by id, so that a run no longer kept can
 * be answered with what happened to it: aged out, or evicted early to make
 * room. Bounded: past its `max` ids the oldest is forgotten, and is then
 * answered like an id never seen.
 */
export interface RunHistory {
  /** Notes that run `runId` started now. */
  record(runId: string): Promise<void>
  /** Why run `runId` is not kept, for its 404. */
  whyGone(runId: string, limits: GoneLimits): Promise<string>
}

/** The store's limits (`maxRuns` kept at once, each for `maxAgeMs`) and when this process started (ISO time). */
export interface GoneLimits {
  maxRuns: number
  maxAgeMs: number
  serverStartedAt: string
}

/** What is known to have happened to a run started at `startedAt` and no longer kept. */
export function explainGone(runId: string, startedAt: number, now: number, limits: GoneLimits): string {
  const age = Math.round((now - startedAt) / 1000)
  const kept = `${Math.round(limits.maxAgeMs / 1000)} s`
  if (now - startedAt >= limits.maxAgeMs) return `Run "${runId}" was started ${age} s ago; runs are kept for ${kept}.`
  return `Run "${runId}" was evicted ${age} s after it started, before its ${kept}: the server keeps at most ${limits.maxRuns} runs, and the oldest finished one makes room for a new one.`
}

/** The run history of one process. */
export class MemoryRunHistory implements RunHistory {
  private readonly startedAt = new Map<string, number>()

  constructor(private readonly options: { max: number; clock: Clock }) {}

  async record(runId: string): Promise<void> {
    this.startedAt.set(runId, this.options.clock())
    if (this.startedAt.size > this.options.max) this.startedAt.delete(this.startedAt.keys().next().value!)
  }

  async whyGone(runId: string, limits: GoneLimits): Promise<string> {
    const started = this.startedAt.get(runId)
    if (started !== undefined) return explainGone(runId, started, this.options.clock(), limits)
    return `Run "${runId}" is not known to this server, which started at ${limits.serverStartedAt}: it may be from before a restart, from another server, or mistyped.`
  }
}
