import { StoreUnavailableError, type Backend, type Params, type RunRecord, type Unsubscribe } from './run-backend'
import { errorMessage, type FinalStatus, type NewTimelineEvent, type RunMessage, type RunStatus, type TimelineEvent } from './timeline'

/**
 * One run as the engine uses it: its writes go to the store, and each write
 * the store accepts is published on the feed, in that order (the feed's
 * replay relies on it). Writes are queued and sent one at a time, so the
 * caller never waits and a run's events never overtake one another.
 */
export class Run {
  private writes: Promise<void> = Promise.resolve()
  private failed = false

  constructor(
    private readonly backend: Backend,
    readonly id: string,
    readonly scenario: string,
    readonly params: Params,
    readonly ref?: string,
  ) {}

  /** `expired` once the store no longer keeps the run. */
  async status(): Promise<RunStatus> {
    return (await this.backend.store.get(this.id))?.status ?? 'expired'
  }

  events(): Promise<readonly TimelineEvent[]> {
    return this.backend.store.events(this.id)
  }

  /** Records an event at `t` ms since the request arrived; ignored once the run has ended. */
  append(event: NewTimelineEvent, t: number): void {
    this.queue(async () => {
      const stored = await this.backend.store.append(this.id, event, t)
      if (stored) await this.backend.feed.publish(this.id, { kind: 'event', event: stored })
    })
  }

  end(status: FinalStatus): void {
    this.queue(async () => {
      if (await this.backend.store.end(this.id, status)) await this.backend.feed.publish(this.id, { kind: 'end', status })
    })
  }

  /** Resolves once every write queued so far has been stored and published (or has failed). */
  flushed(): Promise<void> {
    return this.writes
  }

  /** See `EventFeed.subscribe`: replay, live events, one end marker, nothing before it returns. */
  subscribe(listener: (message: RunMessage) => void, afterSeq?: number): Unsubscribe {
    return this.backend.feed.subscribe(this.id, listener, afterSeq)
  }

  private queue(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => {
      // A store that cannot be reached loses this write; the run still ends (or is found stale and ended by a reader).
      // Logged once per run, so an outage does not flood the log.
      if (this.failed) return
      this.failed = true
      const cause = error instanceof StoreUnavailableError ? 'the run store is unreachable' : 'a write failed'
      console.error(`after-guide: run ${this.id}: ${cause}: ${errorMessage(error)}`)
    })
  }
}

/** The runs of a backend, as `Run`s. */
export class Runs {
  private createdHere = 0

  constructor(private readonly backend: Backend) {}

  /**
   * How many runs this process has created since it started. Unlike `size()` it never goes down as runs age out,
   * so "a refused request created no run" can be checked while other runs expire.
   */
  get created(): number {
    return this.createdHere
  }

  size(): Promise<number> {
    return this.backend.store.size()
  }

  /** A new run, or `undefined` when every slot holds a run still in flight. */
  async create(scenario: string, params: Params, ref?: string): Promise<Run | undefined> {
    const run = this.wrap(await this.backend.store.create(scenario, params, ref))
    if (run) this.createdHere++
    return run
  }

  async get(id: string): Promise<Run | undefined> {
    return this.wrap(await this.backend.store.get(id))
  }

  /** The run created for a client reference, while the run is kept. */
  async findByRef(ref: string): Promise<Run | undefined> {
    return this.wrap(await this.backend.store.findByRef(ref))
  }

  private wrap(record: RunRecord | undefined): Run | undefined {
    return record && new Run(this.backend, record.id, record.scenario, record.params, record.ref)
  }
}
