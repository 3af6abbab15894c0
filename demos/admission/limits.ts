import type { Clock } from '../engine'
import { busy, DemoError } from './errors'

/**
 * The limits of the demo endpoints, each behind one interface with two
 * backends: this process's memory (here), or Redis (`redis-limits.ts`),
 * where they hold across every instance on the same Redis.
 * `tests/unit/contracts/limits.ts` is their contract.
 */

/** Gives back what was taken (a token, a slot); once, whatever the number of calls. */
export type Release = () => void

/** Token bucket per client: `burst` at once, refilled at `perMinute`. */
export interface RateLimiter {
  /** Takes one token for `client`, or throws a 429 saying when to retry; the returned function gives it back. */
  take(client: string): Promise<Release>
}

/** A count with a ceiling (runs in flight, open event streams): a 503 past it. */
export interface Gauge {
  /** Takes a slot or throws a 503. */
  acquire(): Promise<Release>
  /** Throws the 503 `acquire` would, without taking a slot. */
  checkRoom(): Promise<void>
  /** Slots held now. */
  count(): Promise<number>
}

/** Each client's share of a count (open event streams): at most `share` each, then a 429. */
export interface ClientShare {
  acquire(client: string): Promise<Release>
}

export interface RateLimits {
  perMinute: number
  burst: number
  /** Clients remembered at once; the ones past it share one bucket. */
  maxClients: number
  clock: Clock
  /** What is limited, for the 429's message: `runs`, `event streams opened`. */
  what?: string
}

/** The key of the clients a full rate limiter has no room for: they share one bucket. */
export const OVERFLOW_CLIENT = "(clients past the limiter's memory)"

export function rateLimited({ perMinute, burst, what = 'runs' }: RateLimits, tokens: number): DemoError {
  const retryAfter = Math.ceil((1 - tokens) / (perMinute / 60_000) / 1000)
  return new DemoError(
    429,
    'rate_limited',
    `Too many ${what} from this client: at most ${perMinute} a minute (bursts of ${burst}). Retry in ${retryAfter} s.`,
    {},
    { 'Retry-After': String(retryAfter) },
  )
}

export const capReached = (name: string, max: number, retryAfterSeconds: number): DemoError =>
  busy(`The server is at its limit of ${max} ${name}. Retry in ${retryAfterSeconds} s.`, retryAfterSeconds)

export const shareHeld = (name: string, share: number): DemoError =>
  new DemoError(429, 'client_share', `This client already holds ${share} ${name}, its share of the server. Close one and retry.`, {}, { 'Retry-After': '10' })

/** `release` made safe to call more than once. */
export function once(release: () => void): Release {
  let released = false
  return () => {
    if (released) return
    released = true
    release()
  }
}

/**
 * The rate limiter of one process. The map of clients is bounded, and
 * filling it frees nobody: when it is full, the client idle longest is
 * forgotten only if its bucket has refilled (it would start again with a
 * full one anyway); otherwise a new client shares one overflow bucket with
 * every other client the limiter has no room for.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(private readonly options: RateLimits) {}

  async take(client: string): Promise<Release> {
    const now = this.options.clock()
    const key = this.buckets.has(client) || this.makeRoom(now) ? client : OVERFLOW_CLIENT
    const tokens = this.tokensAt(key, now)
    // Deleted and set again: the Map's order becomes "least recently seen first", which makeRoom relies on.
    this.buckets.delete(key)
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now })
      throw rateLimited(this.options, tokens)
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now })
    return once(() => {
      const bucket = this.buckets.get(key)
      if (bucket) bucket.tokens = Math.min(this.options.burst, bucket.tokens + 1)
    })
  }

  private tokensAt(client: string, now: number): number {
    const previous = this.buckets.get(client)
    return previous ? Math.min(this.options.burst, previous.tokens + (now - previous.at) * (this.options.perMinute / 60_000)) : this.options.burst
  }

  /** Whether a new client fits: there is room, or the idlest client's bucket is full again and it can be forgotten. */
  private makeRoom(now: number): boolean {
    // One entry is kept for the overflow bucket.
    if (this.buckets.size < this.options.maxClients - 1) return true
    for (const idlest of this.buckets.keys()) {
      if (idlest === OVERFLOW_CLIENT) continue
      if (this.tokensAt(idlest, now) < this.options.burst) return false
      this.buckets.delete(idlest)
      return true
    }
    return false
  }
}

/** A client's share in this process's memory. Entries leave when their count is back to 0, so the map is bounded by the server-wide cap. */
export class MemoryClientShare implements ClientShare {
  private readonly counts = new Map<string, number>()

  constructor(
    private readonly name: string,
    private readonly share: number,
  ) {}

  async acquire(client: string): Promise<Release> {
    const count = this.counts.get(client) ?? 0
    if (count >= this.share) throw shareHeld(this.name, this.share)
    this.counts.set(client, count + 1)
    return once(() => {
      const left = (this.counts.get(client) ?? 1) - 1
      if (left > 0) this.counts.set(client, left)
      else this.counts.delete(client)
    })
  }
}

/** A gauge of this process. */
export class MemoryGauge implements Gauge {
  private current = 0

  constructor(
    private readonly name: string,
    private readonly max: number,
    private readonly retryAfterSeconds: number,
  ) {}

  async count(): Promise<number> {
    return this.current
  }

  async checkRoom(): Promise<void> {
    if (this.current >= this.max) throw capReached(this.name, this.max, this.retryAfterSeconds)
  }

  async acquire(): Promise<Release> {
    // Checked and taken with no await between: nothing else runs in between.
    if (this.current >= this.max) throw capReached(this.name, this.max, this.retryAfterSeconds)
    this.current++
    return once(() => void this.current--)
  }
}
