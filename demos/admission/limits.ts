import type { Clock } from '../engine'
import { busy, DemoError } from './errors'

/** The key of the clients a full rate limiter has no room for: they share one bucket. */
const OVERFLOW_CLIENT = '(clients past the limiter\'s memory)'

/**
 * Token bucket per client: `burst` at once, refilled at `perMinute`. The map
 * of clients is bounded, and filling it frees nobody: when it is full, the
 * client idle longest is forgotten only if its bucket has refilled (it would
 * start again with a full one anyway); otherwise a new client shares one
 * overflow bucket with every other client the limiter has no room for.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly options: { perMinute: number; burst: number; maxClients: number; clock: Clock; what?: string },
  ) {}

  /** Takes one token for `client`, or throws a 429 saying when to retry; the returned function gives it back. */
  take(client: string): () => void {
    const { perMinute, burst, clock, what = 'runs' } = this.options
    const now = clock()
    const key = this.buckets.has(client) || this.makeRoom(now) ? client : OVERFLOW_CLIENT
    const tokens = this.tokensAt(key, now)
    // Deleted and set again: the Map's order becomes "least recently seen first", which makeRoom relies on.
    this.buckets.delete(key)
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now })
      const retryAfter = Math.ceil((1 - tokens) / (perMinute / 60_000) / 1000)
      throw new DemoError(
        429,
        'rate_limited',
        `Too many ${what} from this client: at most ${perMinute} a minute (bursts of ${burst}). Retry in ${retryAfter} s.`,
        {},
        { 'Retry-After': String(retryAfter) },
      )
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now })
    let returned = false
    return () => {
      const bucket = this.buckets.get(key)
      if (returned || !bucket) return
      returned = true
      bucket.tokens = Math.min(burst, bucket.tokens + 1)
    }
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

/**
 * Each client's share of a server-wide count (open event streams): at most
 * `share` each, then a 429. Entries leave when their count is back to 0, so
 * the map is bounded by the server-wide cap.
 */
export class ClientShare {
  private readonly counts = new Map<string, number>()

  constructor(
    private readonly name: string,
    private readonly share: number,
  ) {}

  /** Takes one of `client`'s share or throws a 429; the returned function gives it back (once). */
  acquire(client: string): () => void {
    const count = this.counts.get(client) ?? 0
    if (count >= this.share) {
      throw new DemoError(429, 'client_share', `This client already holds ${this.share} ${this.name}, its share of the server. Close one and retry.`, {}, { 'Retry-After': '10' })
    }
    this.counts.set(client, count + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.counts.get(client) ?? 1) - 1
      if (left > 0) this.counts.set(client, left)
      else this.counts.delete(client)
    }
  }
}

/** A counter with a ceiling: open event streams, runs in flight. */
export class Gauge {
  private current = 0

  constructor(
    private readonly name: string,
    private readonly max: number,
    private readonly retryAfterSeconds: number,
  ) {}

  get value(): number {
    return this.current
  }

  /** Throws the 503 `acquire` would, without taking a slot. */
  checkRoom(): void {
    if (this.current >= this.max) {
      throw busy(`The server is at its limit of ${this.max} ${this.name}. Retry in ${this.retryAfterSeconds} s.`, this.retryAfterSeconds)
    }
  }

  /** Takes a slot or throws a 503; the returned function gives it back (once). */
  acquire(): () => void {
    this.checkRoom()
    this.current++
    let released = false
    return () => {
      if (released) return
      released = true
      this.current--
    }
  }
}
