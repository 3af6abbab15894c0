import type { Backend, Params, RunRecord, Unsubscribe } from './run-backend'
import type { FinalStatus, NewTimelineEvent, RunMessage, RunStatus, TimelineEvent } from './timeline'

/**
 * One run as the engine uses it: its writes go to the store, and each write
 * the store accepts is published on the feed, in that order (the feed's
 * replay relies on it).
 */
export class Run {
  constructor(
    private readonly backend: Backend,
    readonly id: string,
    readonly scenario: string,
    readonly params: Params,
    readonly ref?: string,
  ) {}

  /** `expired` once the store no longer keeps the run. */
  get status(): RunStatus {
    return this.backend.store.get(this.id)?.status ?? 'expired'
  }

  events(): readonly TimelineEvent[] {
    return this.backend.store.events(this.id)
  }

  /** Records an event at `t` ms since the request arrived; ignored once the run has ended. */
  append(event: NewTimelineEvent, t: number): void {
    const stored = this.backend.store.append(this.id, event, t)
    if (stored) this.backend.feed.publish(this.id, { kind: 'event', event: stored })
  }

  end(status: FinalStatus): void {
    if (this.backend.store.end(this.id, status)) this.backend.feed.publish(this.id, { kind: 'end', status })
  }

  /** See `EventFeed.subscribe`: replay, live events, one end marker, nothing before it returns. */
  subscribe(listener: (message: RunMessage) => void, afterSeq?: number): Unsubscribe {
    return this.backend.feed.subscribe(this.id, listener, afterSeq)
  }
}

/** The runs of a backend, as `Run`s. */
export class Runs {
  constructor(private readonly backend: Backend) {}

  get size(): number {
    return this.backend.store.size
  }

  /** A new run, or `undefined` when every slot holds a run still in flight. */
  create(scenario: string, params: Params, ref?: string): Run | undefined {
    return this.wrap(this.backend.store.create(scenario, params, ref))
  }

  get(id: string): Run | undefined {
    return this.wrap(this.backend.store.get(id))
  }

  /** The run created for a client reference, while the run is kept. */
  findByRef(ref: string): Run | undefined {
    return this.wrap(this.backend.store.findByRef(ref))
  }

  private wrap(record: RunRecord | undefined): Run | undefined {
    return record && new Run(this.backend, record.id, record.scenario, record.params, record.ref)
  }
}
