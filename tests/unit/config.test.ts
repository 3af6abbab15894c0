import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '@/demos/admission'

describe('loadConfig', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it('has a bound for everything when nothing is set', () => {
    for (const key of Object.keys(process.env)) if (key.startsWith('AFTER_GUIDE_')) delete process.env[key]
    const { trustedProxyHops, ...config } = loadConfig()
    // Trusting no proxy is the default: nothing a client writes in X-Forwarded-For is believed.
    expect(trustedProxyHops).toBe(0)
    for (const [name, value] of Object.entries(config)) {
      expect(Number.isFinite(value), name).toBe(true)
      expect(value, name).toBeGreaterThan(0)
    }
    // A stream never outlives the longest run it could be following by much, nor the runs it replays.
    expect(config.streamMaxLifetimeMs).toBeGreaterThan(config.maxRunMs)
    expect(config.runMaxAgeMs).toBeGreaterThan(config.streamMaxLifetimeMs)
  })

  it('takes each limit from the environment', () => {
    process.env.AFTER_GUIDE_MAX_STREAMS = '7'
    process.env.AFTER_GUIDE_RATE_BURST = '2'
    expect(loadConfig()).toMatchObject({ maxStreams: 7, rateBurst: 2 })
  })

  it.each(['2', '0'])('trusts %s proxy hops', (raw) => {
    process.env.AFTER_GUIDE_TRUSTED_PROXY_HOPS = raw
    expect(loadConfig().trustedProxyHops).toBe(Number(raw))
  })

  it.each(['-1', '1.5', 'all'])('refuses %s proxy hops', (raw) => {
    process.env.AFTER_GUIDE_TRUSTED_PROXY_HOPS = raw
    expect(() => loadConfig()).toThrow(/AFTER_GUIDE_TRUSTED_PROXY_HOPS must be a whole number/)
  })

  it.each(['lots', '0', '-1', 'Infinity'])('refuses %s instead of running unbounded', (raw) => {
    process.env.AFTER_GUIDE_MAX_RUNS_IN_FLIGHT = raw
    expect(() => loadConfig()).toThrow(/AFTER_GUIDE_MAX_RUNS_IN_FLIGHT must be a positive number/)
  })
})
