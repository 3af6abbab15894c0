import { randomBytes } from 'node:crypto'
import type { Clock, Connection } from '../engine'
import { capReached, once, OVERFLOW_CLIENT, rateLimited, shareHeld, type ClientShare, type Gauge, type RateLimiter, type RateLimits, type Release } from './limits'
import { COUNT_READ, COUNT_RELEASE, COUNT_TAKE, HISTORY_READ, HISTORY_RECORD, RATE_REFUND, RATE_TAKE, SHARE_BIND, SHARE_TAKE } from './redis-limits-lua'
import { explainGone, type GoneLimits, type RunHistory } from './run-history'
import { shareFull, type RunClaim, type RunShare, type RunShareLimits } from './run-share'

/**
 * Where the Redis limits live: the run store's connection and key prefix,
 * and this instance's id, whose heartbeat key says it is alive (slots held
 * by an instance that stopped beating are dropped by the next reader).
 */
export interface RedisPlace {
  connection: Connection
  prefix: string
  owner: string
}

/** A write whose failure only costs precision (a token or a slot given back late): not worth failing a response for. */
const inBackground = (write: Promise<unknown>): void => void write.catch(() => {})

/** The rate limiter every instance on the Redis shares. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly place: RedisPlace,
    private readonly options: RateLimits,
  ) {}

  async take(client: string): Promise<Release> {
    const { perMinute, burst, maxClients, clock, what = 'runs' } = this.options
    const { connection, prefix } = this.place
    const [taken, detail] = (await connection.eval(RATE_TAKE, [prefix, what, client, clock(), perMinute, burst, maxClients, OVERFLOW_CLIENT])) as [number, string]
    if (taken !== 1) throw rateLimited(this.options, Number(detail))
    return once(() => inBackground(connection.eval(RATE_REFUND, [prefix, what, detail, clock(), perMinute, burst, OVERFLOW_CLIENT])))
  }
}

/**
 * A count every instance adds to: each slot is a lease named after its
 * instance, so slots of an instance that was killed stop counting once its
 * heartbeat expires, and ends by itself after `ttlMs` (a run's or a stream's
 * lifetime) if its release never arrives (Redis was away at the time).
 */
class RedisCount {
  constructor(
    private readonly place: RedisPlace,
    private readonly key: string,
    private readonly max: number,
    private readonly ttlMs: number,
  ) {}

  async hasRoom(): Promise<boolean> {
    const { connection, prefix, owner } = this.place
    return (await connection.eval(COUNT_TAKE, [prefix, this.key, owner, this.max, this.ttlMs, 0, ''])) === 1
  }

  /** Takes a slot; undefined when the count is full. */
  async take(): Promise<Release | undefined> {
    const { connection, prefix, owner } = this.place
    const slot = randomBytes(9).toString('base64url')
    if ((await connection.eval(COUNT_TAKE, [prefix, this.key, owner, this.max, this.ttlMs, 1, slot])) !== 1) return undefined
    return once(() => inBackground(connection.eval(COUNT_RELEASE, [prefix, this.key, owner, slot])))
  }

  async read(): Promise<number> {
    const { connection, prefix, owner } = this.place
    return (await connection.eval(COUNT_READ, [prefix, this.key, owner])) as number
  }
}

/** A cap on a count summed over every live instance. */
export class RedisGauge implements Gauge {
  private readonly slots: RedisCount

  constructor(
    place: RedisPlace,
    private readonly name: string,
    private readonly max: number,
    private readonly retryAfterSeconds: number,
    /** How long any one slot is held at most. */
    holdMs: number,
  ) {
    this.slots = new RedisCount(place, `slots:${name}`, max, holdMs)
  }

  count(): Promise<number> {
    return this.slots.read()
  }

  async checkRoom(): Promise<void> {
    if (!(await this.slots.hasRoom())) throw capReached(this.name, this.max, this.retryAfterSeconds)
  }

  async acquire(): Promise<Release> {
    const release = await this.slots.take()
    if (!release) throw capReached(this.name, this.max, this.retryAfterSeconds)
    return release
  }
}

/** Each client's share of a count, summed over every live instance. */
export class RedisClientShare implements ClientShare {
  constructor(
    private readonly place: RedisPlace,
    private readonly name: string,
    private readonly share: number,
    /** How long any one slot is held at most. */
    private readonly holdMs: number,
  ) {}

  async acquire(client: string): Promise<Release> {
    const release = await new RedisCount(this.place, `slots:${this.name}:${client}`, this.share, this.holdMs).take()
    if (!release) throw shareHeld(this.name, this.share)
    return release
  }
}

/** How long a place taken in a run share may stay unbound (its instance died while starting the run). */
const CLAIM_MS = 30_000

/** The run share on Redis: one script checks which of the client's runs the store still keeps and takes a place. */
export class RedisRunShare implements RunShare {
  constructor(
    private readonly place: RedisPlace,
    private readonly options: RunShareLimits,
  ) {}

  async take(client: string): Promise<RunClaim> {
    const { connection, prefix } = this.place
    const { clock, maxAgeMs, share } = this.options
    const claim = randomBytes(9).toString('base64url')
    const [taken, oldestAt] = (await connection.eval(SHARE_TAKE, [prefix, client, clock(), maxAgeMs, share, claim, CLAIM_MS])) as [number, string?]
    if (taken !== 1) throw shareFull(this.options, Number(oldestAt) + maxAgeMs - clock())
    let done = false
    const settle = (runId: string): Promise<unknown> => {
      if (done) return Promise.resolve()
      done = true
      return connection.eval(SHARE_BIND, [prefix, client, clock(), maxAgeMs, claim, runId])
    }
    return {
      bind: async (runId) => void (await settle(runId)),
      cancel: () => inBackground(settle('')),
    }
  }
}

/** The run history every instance writes to: a run started on one is explained on another. */
export class RedisRunHistory implements RunHistory {
  constructor(
    private readonly place: RedisPlace,
    private readonly options: { max: number; clock: Clock },
  ) {}

  async record(runId: string): Promise<void> {
    await this.place.connection.eval(HISTORY_RECORD, [this.place.prefix, this.options.clock(), runId, this.options.max])
  }

  async whyGone(runId: string, limits: GoneLimits): Promise<string> {
    const started = (await this.place.connection.eval(HISTORY_READ, [this.place.prefix, runId])) as string | null
    if (started !== null) return explainGone(runId, Number(started), this.options.clock(), limits)
    return `Run "${runId}" is not known to the run history the site's instances share: it may be from before Redis restarted, from another site, or mistyped.`
  }
}
