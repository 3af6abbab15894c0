import type { Clock } from '../engine'

/**
 * When each recent run was started, by id, so that a run no longer kept can
 * be answered with what happened to it: aged out, or evicted early to make
 * room. Bounded: past `max` ids the oldest is forgotten, and is then answered
 * like an id this server never saw.
 */
export class RunHistory {
  private readonly startedAt = new Map<string, number>()

  constructor(private readonly options: { max: number; clock: Clock }) {}

  record(runId: string): void {
    this.startedAt.set(runId, this.options.clock())
    if (this.startedAt.size > this.options.max) this.startedAt.delete(this.startedAt.keys().next().value!)
  }

  /**
   * Why run `runId` is not kept, for its 404. `limits` are the store's:
   * `maxRuns` kept at once, each for `maxAgeMs`; `serverStartedAt` is when
   * this process started (ISO time).
   */
  whyGone(runId: string, limits: { maxRuns: number; maxAgeMs: number; serverStartedAt: string }): string {
    const started = this.startedAt.get(runId)
    const kept = `${Math.round(limits.maxAgeMs / 1000)} s`
    if (started === undefined) {
      return `Run "${runId}" is not known to this server, which started at ${limits.serverStartedAt}: it may be from before a restart, from another server, or mistyped.`
    }
    const age = Math.round((this.options.clock() - started) / 1000)
    if (this.options.clock() - started >= limits.maxAgeMs) return `Run "${runId}" was started ${age} s ago; runs are kept for ${kept}.`
    return `Run "${runId}" was evicted ${age} s after it started, before its ${kept}: the server keeps at most ${limits.maxRuns} runs, and the oldest finished one makes room for a new one.`
  }
}
