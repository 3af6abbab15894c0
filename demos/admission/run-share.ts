import type { Clock } from '../engine'
import { DemoError } from './errors'

/**
 * Each client's share of the run store: at most `share` runs kept at once.
 * The store makes room by evicting the oldest finished run, whoever started
 * it; without a share, one client starting runs fast would evict other
 * visitors' runs seconds old, before they had read them.
 */
export interface RunShare {
  /**
   * Takes a place in `client`'s share for a run about to start, or throws a
   * 429 when it already keeps its share; checked and taken at once, so two
   * starts cannot both take the last place.
   */
  take(client: string): Promise<RunClaim>
}

/** A place taken in a client's share: `bind` it to the run started in it, or `cancel` it (once; a no-op after `bind`). */
export interface RunClaim {
  bind(runId: string): Promise<void>
  cancel(): void
}

export interface RunShareLimits {
  share: number
  maxRuns: number
  maxAgeMs: number
  clock: Clock
}

export function shareFull({ share, maxRuns }: RunShareLimits, oldestLeavesInMs: number): DemoError {
  const retryAfter = Math.max(1, Math.ceil(oldestLeavesInMs / 1000))
  return new DemoError(
    429,
    'run_share',
    `This client already keeps ${share} runs, its share of the server's ${maxRuns}. Its oldest leaves in ${retryAfter} s.`,
    {},
    { 'Retry-After': String(retryAfter) },
  )
}

interface Kept {
  /** Undefined while the run is starting (a claim not bound yet). */
  id?: string
  at: number
}

/**
 * The run share of one process. Runs past their age are dropped without
 * asking the store; the store is asked which of a client's runs it still
 * keeps (one call for all of them) only when that client is at its share.
 */
export class MemoryRunShare implements RunShare {
  /** Each client's runs still kept, oldest first; insertion-ordered, so the clients seen longest ago come first. */
  private readonly kept = new Map<string, Kept[]>()

  constructor(
    private readonly options: RunShareLimits & { keptOf: (runIds: string[]) => Promise<Set<string>> },
  ) {}

  async take(client: string): Promise<RunClaim> {
    if (this.aged(client).length >= this.options.share) {
      const listed = this.aged(client).flatMap((run) => (run.id === undefined ? [] : [run.id]))
      const kept = await this.options.keptOf(listed)
      // Read again after the store answered: another request may have added a run meanwhile.
      this.set(client, this.aged(client).filter((run) => run.id === undefined || kept.has(run.id) || !listed.includes(run.id)))
    }
    // Checked and taken with no await between.
    const runs = this.aged(client)
    if (runs.length >= this.options.share) throw shareFull(this.options, runs[0]!.at + this.options.maxAgeMs - this.options.clock())
    const place: Kept = { at: this.options.clock() }
    this.kept.delete(client)
    this.set(client, [...runs, place])
    this.forgetIdleClients()
    let done = false
    return {
      bind: async (runId) => {
        if (done) return
        done = true
        place.id = runId
        place.at = this.options.clock()
      },
      cancel: () => {
        if (done) return
        done = true
        this.set(client, (this.kept.get(client) ?? []).filter((run) => run !== place))
      },
    }
  }

  /** The client's runs, without those past their age. */
  private aged(client: string): Kept[] {
    const oldest = this.options.clock() - this.options.maxAgeMs
    return (this.kept.get(client) ?? []).filter((run) => run.at > oldest)
  }

  private set(client: string, runs: Kept[]): void {
    if (runs.length > 0) this.kept.set(client, runs)
    else this.kept.delete(client)
  }

  /**
   * The store keeps at most maxRuns runs, so past maxRuns clients some of the
   * runs listed are gone already: the clients seen longest ago are forgotten.
   */
  private forgetIdleClients(): void {
    for (const [other] of this.kept) {
      if (this.kept.size <= this.options.maxRuns) break
      this.kept.delete(other)
    }
  }
}
