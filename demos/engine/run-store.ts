import { randomBytes } from 'node:crypto'
import type { Clock } from './clock'
import type { NewTimelineEvent, RunMessage, RunStatus, TimelineEvent } from './timeline'
import { roundMs } from './timeline'

export type Params = Readonly<Record<string, number>>

/** One stored run: its identity, its events so far, and a way to follow it. */
export interface StoredRun {
  readonly id: string
  /** The client's reference for this run (see `RUN_REF_PATTERN`), if it sent one. */
  readonly ref?: string
  readonly scenario: string
  readonly params: Params
  readonly status: RunStatus
  events(): readonly TimelineEvent[]
  /** Records an event at `t` ms since the request arrived; ignored once the run has ended. */
  append(event: NewTimelineEvent, t: number): void
  end(status: Exclude<RunStatus, 'running'>): void
  /**
   * Replays every event with `seq > afterSeq`, then delivers new ones as they
   * are recorded, then one end marker. Returns the unsubscribe function.
   */
  subscribe(listener: (message: RunMessage) => void, afterSeq?: number): () => void
}

/**
 * Where runs live. The in-memory store below serves one server process; a
 * shared backend (several instances behind a load balancer) implements the
 * same interface, so scenarios and routes never change.
 */
export interface RunStore {
  /** A new run, or `undefined` when every slot holds a run still in flight. */
  create(scenario: string, params: Params, ref?: string): StoredRun | undefined
  get(id: string): StoredRun | undefined
  /** The run created for a client reference, while the run is stored. */
  findByRef(ref: string): StoredRun | undefined
  readonly size: number
}

export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{12}$/

const newRunId = (): string => randomBytes(9).toString('base64url')

/**
 * A reference the client picks and sends with a run request (`X-Run-Ref`).
 * The server still makes the run id; the reference only lets a client find
 * that id when the response cannot carry it: a thrown error gives Next.js's
 * bare 500, a redirect carries no body the browser may read. Long enough
 * that guessing another visitor's reference is hopeless.
 */
export const RUN_REF_PATTERN = /^[A-Za-z0-9_-]{22}$/

export interface MemoryRunStoreOptions {
  /** Most runs kept at once; the oldest finished run is evicted first. */
  maxRuns: number
  /** A run older than this is evicted (and ended as `expired` if it was still running). */
  maxAgeMs: number
  clock: Clock
}

class MemoryRun implements StoredRun {
  status: RunStatus = 'running'
  private readonly recorded: TimelineEvent[] = []
  private readonly listeners = new Set<(message: RunMessage) => void>()

  constructor(
    readonly id: string,
    readonly scenario: string,
    readonly params: Params,
    readonly createdAt: number,
    readonly ref?: string,
  ) {}

  events(): readonly TimelineEvent[] {
    return this.recorded
  }

  append(event: NewTimelineEvent, t: number): void {
    if (this.status !== 'running') return
    const stored: TimelineEvent = { seq: this.recorded.length, t: roundMs(t), ...event }
    this.recorded.push(stored)
    for (const listener of this.listeners) listener({ kind: 'event', event: stored })
  }

  end(status: Exclude<RunStatus, 'running'>): void {
    if (this.status !== 'running') return
    this.status = status
    for (const listener of this.listeners) listener({ kind: 'end', status })
    this.listeners.clear()
  }

  subscribe(listener: (message: RunMessage) => void, afterSeq = -1): () => void {
    for (const event of this.recorded.slice(afterSeq + 1)) listener({ kind: 'event', event })
    if (this.status !== 'running') {
      listener({ kind: 'end', status: this.status })
      return () => {}
    }
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export class MemoryRunStore implements RunStore {
  /** Insertion-ordered, so iteration goes oldest first. */
  private readonly runs = new Map<string, MemoryRun>()
  private readonly byRef = new Map<string, MemoryRun>()

  constructor(private readonly options: MemoryRunStoreOptions) {}

  get size(): number {
    return this.runs.size
  }

  create(scenario: string, params: Params, ref?: string): StoredRun | undefined {
    this.evictExpired()
    if (this.runs.size >= this.options.maxRuns && !this.evictOldestFinished()) return undefined
    const run = new MemoryRun(newRunId(), scenario, params, this.options.clock(), ref)
    this.runs.set(run.id, run)
    if (ref !== undefined) this.byRef.set(ref, run)
    return run
  }

  findByRef(ref: string): StoredRun | undefined {
    this.evictExpired()
    return this.byRef.get(ref)
  }

  get(id: string): StoredRun | undefined {
    this.evictExpired()
    return this.runs.get(id)
  }

  /** Drops runs past their age limit. Also called on a timer so idle memory is released. */
  evictExpired(): void {
    const cutoff = this.options.clock() - this.options.maxAgeMs
    for (const run of this.runs.values()) {
      if (run.createdAt > cutoff) break
      run.end('expired')
      this.remove(run)
    }
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
