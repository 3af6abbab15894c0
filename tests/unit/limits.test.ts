import { describe, expect, it } from 'vitest'
import { clientKey, memoryLimits } from '@/demos/admission'
import { memoryBackend, Runs } from '@/demos/engine'
import { limitsContract } from './contracts/limits'

limitsContract('memory', (config, clock) => {
  const runs = new Runs(memoryBackend({ maxRuns: config.maxRuns, maxAgeMs: config.runMaxAgeMs, clock }))
  return { limits: memoryLimits(config, runs, clock), runs }
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
