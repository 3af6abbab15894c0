import { describe, expect, it } from 'vitest'
import { DemoError, Gauge, RateLimiter } from '@/demos/admission'

describe('RateLimiter', () => {
  it('allows a burst, then refuses with 429 and Retry-After, then refills', () => {
    let now = 0
    const limiter = new RateLimiter({ perMinute: 60, burst: 3, maxClients: 10, clock: () => now })
    for (let i = 0; i < 3; i++) limiter.take('a')
    let refused: DemoError | undefined
    try {
      limiter.take('a')
    } catch (error) {
      refused = error as DemoError
    }
    expect(refused?.status).toBe(429)
    expect(refused?.headers['Retry-After']).toBe('1')
    limiter.take('b')
    now += 1000
    limiter.take('a')
  })

  it('keeps at most maxClients buckets', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1, maxClients: 2, clock: () => 0 })
    limiter.take('a')
    limiter.take('b')
    limiter.take('c')
    // "a" was dropped as the least recently seen client, so it starts again with a full bucket.
    expect(() => limiter.take('a')).not.toThrow()
    expect(() => limiter.take('c')).toThrow(DemoError)
  })
})

describe('Gauge', () => {
  it('refuses past its ceiling with 503 and counts each release once', () => {
    const gauge = new Gauge('streams', 2, 7)
    const release = gauge.acquire()
    gauge.acquire()
    expect(() => gauge.acquire()).toThrowError(/limit of 2 streams/)
    release()
    release()
    expect(gauge.value).toBe(1)
    gauge.acquire()
    const refusal = (() => {
      try {
        gauge.acquire()
      } catch (error) {
        return error as DemoError
      }
    })()
    expect(refusal?.status).toBe(503)
    expect(refusal?.headers['Retry-After']).toBe('7')
  })
})
