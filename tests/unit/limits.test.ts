import { describe, expect, it } from 'vitest'
import { ClientShare, clientKey, DemoError, Gauge, RateLimiter, RunShare } from '@/demos/admission'

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

  it('keeps at most maxClients buckets, and filling them frees no limited client', () => {
    let now = 0
    const limiter = new RateLimiter({ perMinute: 1, burst: 1, maxClients: 3, clock: () => now })
    limiter.take('limited')
    limiter.take('b')
    // Full (one entry stays for the overflow bucket): new clients share that one bucket rather than evict "limited".
    limiter.take('c')
    expect(() => limiter.take('d')).toThrow(/Too many runs/)
    expect(() => limiter.take('limited')).toThrow(DemoError)
    // Once the idlest client's bucket has refilled, forgetting it gives it nothing it would not have had.
    now += 60_000
    limiter.take('e')
    expect(() => limiter.take('e')).toThrow(DemoError)
    limiter.take('limited')
  })

  it('gives a token back once', () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1, maxClients: 10, clock: () => 0 })
    const refund = limiter.take('a')
    refund()
    refund()
    limiter.take('a')
    expect(() => limiter.take('a')).toThrow(DemoError)
  })
})

describe('ClientShare', () => {
  it('refuses a client past its share with 429, whatever the others hold, and counts each release once', () => {
    const share = new ClientShare('open event streams', 2)
    const release = share.acquire('a')
    share.acquire('a')
    expect(() => share.acquire('a')).toThrow(/already holds 2 open event streams/)
    share.acquire('b')
    release()
    release()
    share.acquire('a')
    expect(() => share.acquire('a')).toThrow(DemoError)
  })
})

describe('RunShare', () => {
  it('refuses a client that keeps its share of runs until one of them leaves the store', async () => {
    const kept = new Set<string>()
    const share = new RunShare({ share: 2, maxRuns: 4, maxAgeMs: 60_000, clock: () => 0, isKept: async (id) => kept.has(id) })
    for (const id of ['a1', 'a2']) {
      await share.check('a')
      kept.add(id)
      await share.add('a', id)
    }
    await expect(share.check('a')).rejects.toThrow(/already keeps 2 runs, its share of the server's 4/)
    await share.check('b')
    kept.delete('a1')
    await share.check('a')
  })
})

describe('clientKey', () => {
  const headers = new Headers({ 'x-forwarded-for': 'chosen-by-client, 203.0.113.7', 'x-real-ip': 'also-chosen' })
  it('trusting no proxy, reads neither X-Forwarded-For nor X-Real-IP', () => {
    expect(clientKey(headers, 0)).toBe('unknown')
  })
  it('trusting n proxies, takes the address the outermost one saw: the n-th from the right', () => {
    expect(clientKey(headers, 1)).toBe('203.0.113.7')
    expect(clientKey(headers, 2)).toBe('chosen-by-client')
    expect(clientKey(headers, 5)).toBe('chosen-by-client')
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
