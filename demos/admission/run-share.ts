import type { Clock } from '../engine'
import { DemoError } from './errors'

/**
 * Each client's share of the run store: at most `share` runs kept at once.
 * The store makes room by evicting the oldest finished run, whoever started
 * it; without a share, one client starting runs fast would evict other
 * visitors' runs seconds old, before they had read them.
 */
export class RunShare {
  /** Each client's runs still kept, oldest first; insertion-ordered, so the clients seen longest ago come first. */
  private readonly kept = new Map<string, Array<{ id: string; at: number }>>()

  constructor(
    private readonly options: { share: number; maxRuns: number; maxAgeMs: number; clock: Clock; isKept: (runId: string) => Promise<boolean> },
  ) {}

  /** Throws a 429 when `client` already keeps its share of runs. */
  async check(client: string): Promise<void> {
    const runs = await this.prune(client)
    if (runs.length < this.options.share) return
    const retryAfter = Math.max(1, Math.ceil((runs[0]!.at + this.options.maxAgeMs - this.options.clock()) / 1000))
    throw new DemoError(
      429,
      'run_share',
      `This client already keeps ${this.options.share} runs, its share of the server's ${this.options.maxRuns}. Its oldest leaves in ${retryAfter} s.`,
      {},
      { 'Retry-After': String(retryAfter) },
    )
  }

  async add(client: string, runId: string): Promise<void> {
    const runs = await this.prune(client)
    this.kept.delete(client)
    this.kept.set(client, [...runs, { id: runId, at: this.options.clock() }])
    // At most maxRuns runs are kept, so at most as many clients keep any: the others are dropped, oldest first.
    for (const [other] of this.kept) {
      if (this.kept.size <= this.options.maxRuns) break
      if ((await this.prune(other)).length === 0) this.kept.delete(other)
    }
  }

  private async prune(client: string): Promise<Array<{ id: string; at: number }>> {
    const listed = this.kept.get(client) ?? []
    const keptNow = await Promise.all(listed.map((run) => this.options.isKept(run.id)))
    const gone = new Set(listed.filter((_, i) => !keptNow[i]).map((run) => run.id))
    // Read again after the store answered: another request may have added a run meanwhile.
    const runs = (this.kept.get(client) ?? []).filter((run) => !gone.has(run.id))
    if (runs.length > 0) this.kept.set(client, runs)
    else this.kept.delete(client)
    return runs
  }
}
