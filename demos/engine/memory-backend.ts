import { randomBytes } from 'node:crypto'
import type { Clock } from './clock'
import type { Backend, EventFeed, Params, RunRecord, RunStore, Unsubscribe } from './run-backend'
import { Subscribers, type Subscriber } from './subscribers'
import { roundMs, type FinalStatus, type NewTimelineEvent, type RunMessage, type RunStatus, type TimelineEvent } from './timeline'

export interface MemoryBackendOptions {
  /** Most runs kept at once; the oldest finished run is evicted first. */
  maxRuns: number
  /** A run older than this is evicted (and ended as `expired` if it was still running). */
  maxAgeMs: number
  clock: Clock
}

const newRunId = (): string => randomBytes(9).toString('base64url')

interface MemoryRun {
  id: string
  ref?: string
  scenario: string
  params: Params
  status: RunStatus
  createdAt: number
  events: TimelineEvent[]
}

/** The runs of one server process, in memory. */
export class MemoryRunStore implements RunStore {
  /** Insertion-ordered, so iteration goes oldest first. */
  private readonly runs = new Map<string, MemoryRun>()
  private readonly byRef = new Map<string, MemoryRun>()

  /** `onExpire` hears of each run evicted while still running, so that its watchers get their end marker. */
  constructor(
    private readonly options: MemoryBackendOptions,
    private readonly onExpire: (id: string) => void = () => {},
  ) {}

  async size(): Promise<number> {
    return this.runs.size
  }

  async create(scenario: string, params: Params, ref?: string): Promise<RunRecord | undefined> {
    this.evictAged()
    if (this.runs.size >= this.options.maxRuns && !this.evictOldestFinished()) return undefined
    const run: MemoryRun = { id: newRunId(), ref, scenario, params, status: 'running', createdAt: this.options.clock(), events: [] }
    this.runs.set(run.id, run)
    if (ref !== undefined) this.byRef.set(ref, run)
    return record(run)
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const run = this.find(id)
    return run && record(run)
  }

  async findByRef(ref: string): Promise<RunRecord | undefined> {
    this.evictAged()
    const run = this.byRef.get(ref)
    return run && record(run)
  }

  async events(id: string): Promise<readonly TimelineEvent[]> {
    return this.eventsNow(id)
  }

  /** The feed's replay reads synchronously, so that nothing published meanwhile slips between its reads. */
  eventsNow(id: string): readonly TimelineEvent[] {
    return this.find(id)?.events ?? []
  }

  statusNow(id: string): RunStatus {
    return this.find(id)?.status ?? 'expired'
  }

  async append(id: string, event: NewTimelineEvent, t: number): Promise<TimelineEvent | undefined> {
    const run = this.runs.get(id)
    if (run?.status !== 'running') return undefined
    const stored: TimelineEvent = { seq: run.events.length, t: roundMs(t), ...event }
    run.events.push(stored)
    return stored
  }

  async end(id: string, status: FinalStatus): Promise<boolean> {
    const run = this.runs.get(id)
    if (run?.status !== 'running') return false
    run.status = status
    return true
  }

  async evictExpired(): Promise<void> {
    this.evictAged()
  }

  private evictAged(): void {
    const cutoff = this.options.clock() - this.options.maxAgeMs
    for (const run of this.runs.values()) {
      if (run.createdAt > cutoff) break
      const running = run.status === 'running'
      run.status = running ? 'expired' : run.status
      this.remove(run)
      if (running) this.onExpire(run.id)
    }
  }

  private find(id: string): MemoryRun | undefined {
    this.evictAged()
    return this.runs.get(id)
  }

  private evictOldestFinished(): boolean {
    for (const run of this.runs.values()) {
      if (run.status !== 'running') {
        this.remove(run)
        return true
      }
    }
    return false
  }

  private remove(run: MemoryRun): void {
    this.runs.delete(run.id)
    // A reused reference points at the newer run; only drop the entry if it is this one.
    if (run.ref !== undefined && this.byRef.get(run.ref) === run) this.byRef.delete(run.ref)
  }
}

/** A copy, so a caller cannot change the stored run's status. */
const record = ({ id, ref, scenario, params, status }: MemoryRun): RunRecord => ({ id, ref, scenario, params, status })

interface Subscription extends Subscriber {
  /** False until the replay has been delivered; live messages until then are part of the replay. */
  live: boolean
}

/** Subscriptions of one server process, replayed from the store they are built on. */
export class MemoryEventFeed implements EventFeed {
  private readonly subscriptions = new Subscribers<Subscription>()

  constructor(private readonly store: MemoryRunStore) {}

  async publish(runId: string, message: RunMessage): Promise<void> {
    this.deliverLive(runId, message)
  }

  deliverLive(runId: string, message: RunMessage): void {
    for (const subscription of this.subscriptions.of(runId)) {
      if (subscription.live) this.subscriptions.deliver(runId, subscription, message)
    }
  }

  subscribe(runId: string, listener: (message: RunMessage) => void, afterSeq = -1): Unsubscribe {
    const subscription: Subscription = { listener, next: afterSeq + 1, live: false, done: false }
    this.subscriptions.add(runId, subscription)
    // The replay reads the store once subscribe() has returned: everything
    // published until then is in the store, so nothing is lost or delivered twice.
    queueMicrotask(() => this.replay(runId, subscription))
    return () => this.subscriptions.drop(runId, subscription)
  }

  private replay(runId: string, subscription: Subscription): void {
    // Read again until caught up: a listener may cause new events while it is replayed to.
    for (let missed = this.missed(runId, subscription); missed.length > 0; missed = this.missed(runId, subscription)) {
      for (const event of missed) this.subscriptions.deliver(runId, subscription, { kind: 'event', event })
    }
    subscription.live = true
    const status = this.store.statusNow(runId)
    if (status !== 'running') this.subscriptions.deliver(runId, subscription, { kind: 'end', status })
  }

  private missed(runId: string, subscription: Subscription): readonly TimelineEvent[] {
    return subscription.done ? [] : this.store.eventsNow(runId).slice(subscription.next)
  }
}

/** A store and its feed for one server process. */
export function memoryBackend(options: MemoryBackendOptions): Backend & { store: MemoryRunStore } {
  const store: MemoryRunStore = new MemoryRunStore(options, (id) => feed.deliverLive(id, { kind: 'end', status: 'expired' }))
  const feed = new MemoryEventFeed(store)
  return { store, feed }
}
