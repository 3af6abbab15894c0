import type { Clock } from '../engine'
import { busy, DemoError } from './errors'

/**
 * Token bucket per client: `burst` runs at once, refilled at `perMinute`.
 * The map of clients is bounded; when full, the client idle longest is dropped
 * (a dropped client simply starts again with a full bucket).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly options: { perMinute: number; burst: number; maxClients: number; clock: Clock },
  ) {}

  /** Takes one token for `client`, or throws a 429 saying when to retry. */
  take(client: string): void {
    const { perMinute, burst, maxClients, clock } = this.options
    const now = clock()
    const perMs = perMinute / 60_000
    const previous = this.buckets.get(client)
    const tokens = previous ? Math.min(burst, previous.tokens + (now - previous.at) * perMs) : burst
    // Deleted and set again: the Map's order becomes "least recently seen first", which the eviction below relies on.
    this.buckets.delete(client)
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now })
      const retryAfter = Math.ceil((1 - tokens) / perMs / 1000)
      throw new DemoError(
        429,
        'rate_limited',
        `Too many runs from this client: at most ${perMinute} a minute (bursts of ${burst}). Retry in ${retryAfter} s.`,
        {},
        { 'Retry-After': String(retryAfter) },
      )
    }
    this.buckets.set(client, { tokens: tokens - 1, at: now })
    if (this.buckets.size > maxClients) this.buckets.delete(this.buckets.keys().next().value!)
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
