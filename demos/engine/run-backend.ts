import type { FinalStatus, NewTimelineEvent, RunMessage, RunStatus, TimelineEvent } from './timeline'

/**
 * The two interfaces a storage backend implements. The in-memory backend
 * (`memory-backend.ts`) serves one server process; the Redis backend
 * (`redis-backend.ts`, for several instances behind a load balancer)
 * implements the same two, and nothing above the engine changes.
 * `tests/unit/contracts/run-store.ts` and `tests/unit/contracts/event-feed.ts`
 * are the contracts: each is one `describe` that takes a backend factory, so
 * every backend runs the same tests (`tests/unit/memory-backend.test.ts`,
 * `tests/unit/redis-backend.test.ts`).
 *
 * Every store method answers a Promise, so a networked backend (Redis,
 * `redis-backend.ts`) fits behind it. The recorder still writes without
 * waiting (it marks from inside after() callbacks and response streams): each
 * `Run` queues its own writes and sends them one at a time, so a run's
 * events are stored and published in the order they were marked.
 *
 * A store that cannot be reached rejects with `StoreUnavailableError`; the
 * error boundary answers it with a 503.
 */

/** A run's parameters, as admitted: each a whole number of milliseconds. */
export type Params = Readonly<Record<string, number>>

/** What the store keeps of a run besides its events. */
export interface RunRecord {
  /** 12 URL-safe characters (`RUN_ID_PATTERN`), made by the store, unguessable. */
  readonly id: string
  /** The client's reference for this run (`RUN_REF_PATTERN`), if it sent one. */
  readonly ref?: string
  readonly scenario: string
  readonly params: Params
  readonly status: RunStatus
}

export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{12}$/

/**
 * A reference the client picks and sends with a run request (`X-Run-Ref`).
 * The server still makes the run id; the reference only lets a client find
 * that id when the response cannot carry it: a thrown error gives Next.js's
 * bare 500, a redirect carries no body the browser may read. Long enough
 * that guessing another visitor's reference is hopeless.
 */
export const RUN_REF_PATTERN = /^[A-Za-z0-9_-]{22}$/

/** Where runs and their events live. Bounded: it never grows past its limits, whatever the traffic. */
export interface RunStore {
  /**
   * A new run, `running`, with no events. When the store is full it first
   * drops the oldest run that has ended; if every run is still running it
   * refuses (returns `undefined`) rather than drop one.
   */
  create(scenario: string, params: Params, ref?: string): Promise<RunRecord | undefined>
  /** The run, while it is kept (runs past the store's age limit are gone). */
  get(id: string): Promise<RunRecord | undefined>
  /** The run created with this client reference, while it is kept; the newest one if a reference was reused. */
  findByRef(ref: string): Promise<RunRecord | undefined>
  /** The run's events so far, in `seq` order; empty for a run not kept. */
  events(id: string): Promise<readonly TimelineEvent[]>
  /**
   * Records an event `t` ms after the run's request arrived, numbered next
   * (`seq` from 0, no gaps) and with `t` rounded to 0.1 ms. Returns the stored
   * event, or `undefined` (and records nothing) once the run has ended or is not kept.
   */
  append(id: string, event: NewTimelineEvent, t: number): Promise<TimelineEvent | undefined>
  /** Ends a running run; true only the first time, so a run ends once. */
  end(id: string, status: FinalStatus): Promise<boolean>
  /** How many runs are kept. */
  size(): Promise<number>
  /** Drops runs past their age limit; called on a timer so an idle server gives the space back. */
  evictExpired(): Promise<void>
}

/** Stops a subscription: no message is delivered after it returns. */
export type Unsubscribe = () => void

/**
 * How a run's events reach the people watching it. The engine publishes each
 * message right after the store accepted the write it reports, so a run's
 * stored events are always at least as far along as what was published.
 */
export interface EventFeed {
  /** Delivers `message` to the run's current subscribers, in the order published. */
  publish(runId: string, message: RunMessage): Promise<void>
  /**
   * Delivers every stored event with `seq > afterSeq` (a replay), then each
   * new one as it is published, each exactly once and in `seq` order, then
   * exactly one end marker: the run's final status, or `expired` for a run
   * the store no longer keeps. Nothing is delivered before `subscribe`
   * returns, so a listener may unsubscribe from inside itself, even on a
   * finished run's replay.
   */
  subscribe(runId: string, listener: (message: RunMessage) => void, afterSeq?: number): Unsubscribe
}

/** A backend: a store and the feed of its runs' events. */
export interface Backend {
  store: RunStore
  feed: EventFeed
  /** Releases the backend's timers and connections (tests; a process that is leaving). */
  close?(): Promise<void>
}

const UNAVAILABLE = Symbol.for('after-guide.store-unavailable')

/**
 * The store could not be reached (Redis down or restarting). Branded like
 * DemoError, because middleware and the app are bundled apart and either may
 * catch what the other threw.
 */
export class StoreUnavailableError extends Error {
  readonly [UNAVAILABLE] = true

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && UNAVAILABLE in value
  }

  constructor(cause: string) {
    super(cause)
    this.name = 'StoreUnavailableError'
  }
}
