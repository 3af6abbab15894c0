import { randomBytes } from 'node:crypto'
import type { Clock } from './clock'
import { Connection } from './redis-connection'
import { RedisEventFeed } from './redis-feed'
import { APPEND, CREATE, END, EVICT_EXPIRED, FIND_BY_REF, GET, SINCE } from './redis-lua'
import type { Backend, Params, RunRecord, RunStore } from './run-backend'
import { errorMessage, roundMs, type FinalStatus, type NewTimelineEvent, type RunStatus, type TimelineEvent } from './timeline'

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

/**
 * A store and feed shared by every instance that points at the same Redis:
 * two connections (commands, and the one subscriber a subscribed connection
 * must be), and a heartbeat that tells the others this instance is alive.
 */
export function redisBackend(
  options: RedisBackendOptions,
): Backend & { store: RedisRunStore; feed: RedisEventFeed; close(): Promise<void>; connection: Connection; prefix: string; owner: string } {
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
    // For what else keeps its state beside the runs (the limits): the same connection, prefix and heartbeat.
    connection: commands,
    prefix,
    owner,
    async close() {
      clearInterval(timer)
      await commands.redis.del(heartbeatKey).catch(() => {})
      commands.redis.disconnect()
      subscriber.redis.disconnect()
    },
  }
}
