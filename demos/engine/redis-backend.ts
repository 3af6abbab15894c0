import { randomBytes } from 'node:crypto'
import { Redis, ReplyError } from 'ioredis'
import type { Clock } from './clock'
import { APPEND, CREATE, END, EVICT_EXPIRED, FIND_BY_REF, GET, SINCE } from './redis-lua'
import { StoreUnavailableError, type Backend, type EventFeed, type Params, type RunRecord, type RunStore, type Unsubscribe } from './run-backend'
import { errorMessage, roundMs, type FinalStatus, type NewTimelineEvent, type RunMessage, type RunStatus, type TimelineEvent } from './timeline'

export interface RedisBackendOptions {
  /** `redis://host:port/db` (`AFTER_GUIDE_REDIS_URL`). */
  url: string
  /** Most runs kept at once, across every instance; the oldest finished run is evicted first. */
  maxRuns: number
  /** A run older than this is evicted (and ended as `expired` if it was still running). */
  maxAgeMs: number
  /** Wall-clock time: every instance compares ages with it, so a per-process monotonic clock would not do. */
  clock: Clock
  /** A run still running this long after it was created is taken for lost and ended `expired` by whoever reads it. */
  runDeadlineMs?: number
  /** How often this instance says it is alive; a run whose instance missed three beats is ended `expired`. */
  heartbeatMs: number
  /** Prefix of every key, so several sites (or tests) can share one Redis. */
  prefix?: string
}

const newRunId = (): string => randomBytes(9).toString('base64url')

/** Redis's replies while it is up but cannot serve: they pass, as a restart does. */
const NOT_SERVING = /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN)\b/

/** How long a request waits for a connection that is coming back before it is answered 503. */
const RECONNECT_WAIT_MS = 1000

/** One Redis connection, with the last connection error kept to name the cause of a 503. */
class Connection {
  readonly redis: Redis
  private lastError = ''
  /** Each script's command name (`defineCommand`), made on first use. */
  private readonly scripts = new Map<string, string>()
  private reconnecting: Promise<void> | undefined

  constructor(url: string, role: string, queueWhileDown: boolean) {
    this.redis = new Redis(url, {
      // Commands are refused at once while the connection is down (the 503 path); the subscriber's one SUBSCRIBE waits.
      enableOfflineQueue: queueWhileDown,
      maxRetriesPerRequest: queueWhileDown ? null : 0,
      // A Redis that stopped answering (not one that closed the connection: that fails at once) costs a request 5 s at
      // most. Not less: on a starved event loop a reply that has arrived can still wait behind this timer.
      commandTimeout: queueWhileDown ? undefined : 5000,
      // Reconnects for ever, at most a second apart, so service comes back by itself.
      retryStrategy: (times) => Math.min(times * 100, 1000),
    })
    const where = `${this.redis.options.host}:${this.redis.options.port}`
    // Without a listener an 'error' event is only printed by ioredis; with one, each new cause is logged once.
    this.redis.on('error', (error: Error) => {
      if (error.message === this.lastError) return
      this.lastError = error.message
      console.error(`after-guide: Redis ${role} connection to ${where}: ${error.message}`)
    })
    this.redis.on('ready', () => {
      if (this.lastError !== '') console.error(`after-guide: Redis ${role} connection to ${where} is back`)
      this.lastError = ''
    })
  }

  /** The error a request gets while Redis cannot be reached, naming the connection's own error first (`ECONNREFUSED`). */
  unavailable(failure?: string): StoreUnavailableError {
    const { host, port } = this.redis.options
    const cause = this.lastError || failure || `connection ${this.redis.status}`
    return new StoreUnavailableError(`The run store (Redis at ${host}:${port}) is unreachable: ${cause}.`)
  }

  /** Waits briefly for a connection that is (re)connecting, then gives up with `unavailable()`. */
  async ready(): Promise<void> {
    if (this.isReady()) return
    // One wait shared by every request that arrives meanwhile: one listener, however many requests.
    this.reconnecting ??= new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.redis.off('ready', done)
        this.reconnecting = undefined
        resolve()
      }
      const timer = setTimeout(done, RECONNECT_WAIT_MS)
      this.redis.once('ready', done)
    })
    await this.reconnecting
    if (!this.isReady()) throw this.unavailable()
  }

  private isReady(): boolean {
    return this.redis.status === 'ready'
  }

  /**
   * Runs a script: by its SHA once Redis has it, so each call sends only its arguments. A failure means Redis could
   * not be reached, or is not serving yet (loading after a restart, a replica); any other reply error is a bug.
   */
  async eval(script: string, args: ReadonlyArray<string | number>): Promise<unknown> {
    await this.ready()
    let name = this.scripts.get(script)
    if (name === undefined) {
      name = `afterGuide${this.scripts.size}`
      this.redis.defineCommand(name, { numberOfKeys: 0, lua: script })
      this.scripts.set(script, name)
    }
    try {
      return await (this.redis as unknown as Record<string, (...args: ReadonlyArray<string | number>) => Promise<unknown>>)[name]!(...args)
    } catch (error) {
      if (error instanceof ReplyError && !NOT_SERVING.test(errorMessage(error))) throw error
      throw this.unavailable(errorMessage(error))
    }
  }
}

/** The runs of every instance, in Redis. */
export class RedisRunStore implements RunStore {
  private readonly prefix: string

  constructor(
    private readonly connection: Connection,
    private readonly options: RedisBackendOptions,
    /** This instance's id: the owner of the runs it creates. */
    readonly owner: string,
  ) {
    this.prefix = options.prefix ?? 'after-guide:'
  }

  private age(): [number, number] {
    return [this.options.clock(), this.options.maxAgeMs]
  }

  async create(scenario: string, params: Params, ref?: string): Promise<RunRecord | undefined> {
    const id = newRunId()
    const [now, maxAge] = this.age()
    const deadline = this.options.runDeadlineMs === undefined ? '' : now + this.options.runDeadlineMs
    const args = [this.prefix, now, maxAge, this.options.maxRuns, id, scenario, JSON.stringify(params), ref ?? '', this.owner, deadline]
    const created = await this.connection.eval(CREATE, args)
    return created === 1 ? { id, ref, scenario, params, status: 'running' } : undefined
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const reply = (await this.connection.eval(GET, [this.prefix, ...this.age(), id])) as [string, string, string | null, RunStatus] | null
    if (!reply) return undefined
    const [scenario, params, ref, status] = reply
    return { id, ref: ref ?? undefined, scenario, params: JSON.parse(params) as Params, status }
  }

  async findByRef(ref: string): Promise<RunRecord | undefined> {
    const id = (await this.connection.eval(FIND_BY_REF, [this.prefix, ...this.age(), ref])) as string | null
    return id === null ? undefined : this.get(id)
  }

  async events(id: string): Promise<readonly TimelineEvent[]> {
    return (await this.since(id, 0)).events
  }

  /** The run's status and its events from `seq` `from` on, read at once. */
  async since(id: string, from: number): Promise<{ status: RunStatus; events: TimelineEvent[] }> {
    const [status, ...events] = (await this.connection.eval(SINCE, [this.prefix, ...this.age(), id, from])) as [RunStatus, ...string[]]
    return { status, events: events.map((text) => JSON.parse(text) as TimelineEvent) }
  }

  async append(id: string, event: NewTimelineEvent, t: number): Promise<TimelineEvent | undefined> {
    const rounded = roundMs(t)
    // Redis numbers the event; the script writes `{"seq":N,` in front of the rest.
    const rest = JSON.stringify({ t: rounded, ...event }).slice(1)
    const seq = (await this.connection.eval(APPEND, [this.prefix, id, rest])) as number
    return seq < 0 ? undefined : { seq, t: rounded, ...event }
  }

  async end(id: string, status: FinalStatus): Promise<boolean> {
    return (await this.connection.eval(END, [this.prefix, id, status])) === 1
  }

  async size(): Promise<number> {
    await this.connection.ready()
    return this.connection.redis.zcard(`${this.prefix}runs`).catch((error: unknown) => {
      throw this.connection.unavailable(errorMessage(error))
    })
  }

  async evictExpired(): Promise<void> {
    await this.connection.eval(EVICT_EXPIRED, [this.prefix, ...this.age()])
  }

}

interface Watch {
  listener: (message: RunMessage) => void
  /** The next `seq` this watcher is owed. */
  next: number
  /** True once a catch-up has delivered everything stored; live messages until then only trigger another. */
  live: boolean
  /** A catch-up (a read of the stored events) is under way; `again` asks it for one more round. */
  busy: boolean
  again: boolean
  done: boolean
}

/**
 * Delivery across instances: one subscriber connection per process on one
 * channel, fanned out to this process's watchers. A watcher is caught up from
 * the stored list (after subscribing, after a reconnect, on a gap, at the
 * end), and in between takes each live event whose `seq` is the next it is
 * owed, so nothing is lost, repeated or reordered.
 */
export class RedisEventFeed implements EventFeed {
  private readonly watches = new Map<string, Set<Watch>>()
  private readonly subscribed: Promise<unknown>

  constructor(
    private readonly store: RedisRunStore,
    private readonly subscriber: Redis,
    channel: string,
  ) {
    this.subscribed = subscriber.subscribe(channel)
    // Rejected only when the backend is closed; a catch-up then gives up quietly.
    this.subscribed.catch(() => {})
    subscriber.on('message', (_channel: string, text: string) => this.onMessage(text))
    // Messages published while the connection was down are lost: catch every watcher up from the store.
    subscriber.on('ready', () => this.catchUpAll())
  }

  /** Nothing to do: the store's scripts publish each event and end they keep, in the same step (see redis-lua.ts). */
  async publish(): Promise<void> {}

  subscribe(runId: string, listener: (message: RunMessage) => void, afterSeq = -1): Unsubscribe {
    const watch: Watch = { listener, next: afterSeq + 1, live: false, busy: false, again: false, done: false }
    this.watches.set(runId, (this.watches.get(runId) ?? new Set()).add(watch))
    void this.catchUp(runId, watch)
    return () => this.drop(runId, watch)
  }

  /**
   * Catches every watcher up. Also run on a timer: it finds runs whose instance was killed (the read ends them
   * `expired`) and retries catch-ups that failed while Redis was down.
   */
  catchUpAll(): void {
    for (const [runId, watches] of this.watches) for (const watch of watches) void this.catchUp(runId, watch)
  }

  private onMessage(text: string): void {
    const { runId, message } = JSON.parse(text) as { runId: string; message: RunMessage }
    for (const watch of [...(this.watches.get(runId) ?? [])]) {
      if (watch.live && !watch.busy && message.kind === 'event' && message.event.seq <= watch.next) this.deliver(runId, watch, message)
      // A gap, an end (delivered once every stored event is), or a message during a catch-up: read the store.
      else void this.catchUp(runId, watch)
    }
  }

  private async catchUp(runId: string, watch: Watch): Promise<void> {
    if (watch.busy) {
      watch.again = true
      return
    }
    watch.busy = true
    try {
      await this.subscribed
      do {
        watch.again = false
        const { status, events } = await this.store.since(runId, watch.next)
        for (const event of events) this.deliver(runId, watch, { kind: 'event', event })
        if (status !== 'running') this.deliver(runId, watch, { kind: 'end', status })
      } while (watch.again && !watch.done)
      watch.live = true
    } catch {
      // Redis is unreachable: the reconnect, the timer or the next message tries again.
    } finally {
      watch.busy = false
    }
  }

  private deliver(runId: string, watch: Watch, message: RunMessage): void {
    if (watch.done) return
    if (message.kind === 'event') {
      if (message.event.seq < watch.next) return
      watch.next = message.event.seq + 1
    } else {
      this.drop(runId, watch)
    }
    watch.listener(message)
  }

  private drop(runId: string, watch: Watch): void {
    watch.done = true
    const forRun = this.watches.get(runId)
    forRun?.delete(watch)
    if (forRun?.size === 0) this.watches.delete(runId)
  }
}

/**
 * A store and feed shared by every instance that points at the same Redis:
 * two connections (commands, and the one subscriber a subscribed connection
 * must be), and a heartbeat that tells the others this instance is alive.
 */
export function redisBackend(options: RedisBackendOptions): Backend & { store: RedisRunStore; feed: RedisEventFeed; close(): Promise<void> } {
  const prefix = options.prefix ?? 'after-guide:'
  const commands = new Connection(options.url, 'command', false)
  const subscriber = new Connection(options.url, 'subscriber', true)
  const owner = randomBytes(9).toString('base64url')
  const store = new RedisRunStore(commands, { ...options, prefix }, owner)
  const feed = new RedisEventFeed(store, subscriber.redis, `${prefix}feed`)

  const heartbeatKey = `${prefix}instance:${owner}`
  const beat = () => void commands.redis.set(heartbeatKey, '1', 'PX', options.heartbeatMs * 3).catch(() => {})
  // Registered before any request waits for 'ready', so the first beat goes out before the first script.
  commands.redis.on('ready', beat)
  const timer = setInterval(() => {
    beat()
    feed.catchUpAll()
  }, options.heartbeatMs)
  timer.unref()

  return {
    store,
    feed,
    async close() {
      clearInterval(timer)
      await commands.redis.del(heartbeatKey).catch(() => {})
      commands.redis.disconnect()
      subscriber.redis.disconnect()
    },
  }
}
