import { afterEach, describe, expect, it, vi } from 'vitest'
import { repeatRuns } from '@/demos/client/repeat-runs'

afterEach(() => vi.unstubAllGlobals())

describe('repeatRuns', () => {
  it('takes turns between the scenarios, each round starting with the next, and waits out a 429 before trying again', async () => {
    const urls: string[] = []
    let refused = false
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.startsWith('/api/runs?ref=')) return new Response('{}', { status: 404 })
      urls.push(url.split('?')[0]!)
      if (!refused && urls.length === 2) {
        refused = true
        return new Response(JSON.stringify({ error: { message: 'Too many runs' } }), { status: 429, headers: { 'Retry-After': '0' } })
      }
      return new Response('{}', { headers: { 'X-Run-Id': 'AAAAAAAAAAAA' } })
    })
    const samples: string[] = []
    const waits: number[] = []
    await repeatRuns(['blocking', 'after'], { work: 10, effect: 20 }, 2, {
      signal: new AbortController().signal,
      onSample: (sample) => samples.push(sample.scenario),
      onWait: (seconds) => waits.push(seconds),
    })
    expect(waits).toEqual([0])
    // The refused run is tried again, then the next round starts with the other scenario.
    expect(urls).toEqual(['/api/demos/blocking', '/api/demos/after', '/api/demos/after', '/api/demos/after', '/api/demos/blocking'])
    expect(samples).toEqual(['blocking', 'after', 'after', 'blocking'])
  })

  it('stops when its signal is aborted', async () => {
    const stop = new AbortController()
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      stop.abort()
      throw init.signal?.reason ?? new DOMException('Aborted', 'AbortError')
    })
    const samples: unknown[] = []
    await expect(repeatRuns(['after'], { work: 10, effect: 20 }, 5, { signal: stop.signal, onSample: (s) => samples.push(s), onWait: () => {} })).rejects.toThrow()
    expect(samples).toEqual([])
  })
})
