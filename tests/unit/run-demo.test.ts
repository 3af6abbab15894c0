import { afterEach, describe, expect, it, vi } from 'vitest'
import { runDemo, titleOf } from '@/demos/client/run-demo'
import { EVENTS, LANES, type TimelineEvent } from '@/demos/engine/timeline'

/**
 * Stands in for the browser's EventSource: plays a run's timeline as the
 * server streams it, then its end marker.
 */
function streamOf(events: TimelineEvent[], end = 'complete') {
  return class {
    static CLOSED = 2
    readyState = 1
    url: string
    onerror: (() => void) | null = null
    private listeners = new Map<string, (message: { data: string }) => void>()
    constructor(url: string) {
      this.url = url
      opened.push(url)
      setTimeout(() => {
        for (const event of events) this.listeners.get('timeline')?.({ data: JSON.stringify(event) })
        this.listeners.get('end')?.({ data: JSON.stringify({ status: end }) })
      })
    }
    addEventListener(type: string, listener: (message: { data: string }) => void) {
      this.listeners.set(type, listener)
    }
    close() {
      this.readyState = 2
    }
  }
}
const opened: string[] = []
afterEach(() => {
  vi.unstubAllGlobals()
  opened.length = 0
})

const event = (seq: number, t: number, type: TimelineEvent['type']): TimelineEvent => ({ seq, t, type, label: type, lane: LANES.handler, phase: 'instant' })

describe('runDemo', () => {
  it("starts a Route Handler run with only its own parameters, then reads its timeline in order, once each", async () => {
    const urls: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url)
      return new Response('{}', { headers: { 'X-Run-Id': 'AAAAAAAAAAAA' } })
    })
    const received = event(0, 0, EVENTS.requestReceived)
    const returned = event(1, 40, EVENTS.responseReturned)
    // A reconnect may repeat an event, and the order on the wire is not trusted.
    vi.stubGlobal('EventSource', streamOf([returned, received, returned]))
    const run = await runDemo({ kind: 'route', name: 'after' }, { work: 50, effect: 1000, stream: 3000 }, {})
    expect(urls).toEqual(['/api/demos/after?work=50&effect=1000'])
    expect(opened).toEqual(['/api/runs/AAAAAAAAAAAA/events'])
    expect(run).toMatchObject({ scenario: 'after', runId: 'AAAAAAAAAAAA', status: 200, end: 'complete' })
    expect(run.events).toEqual([received, returned])
  })

  it('reports the run as it goes: request sent, response arrived, each event, stream ended', async () => {
    vi.stubGlobal('fetch', async () => new Response('{}', { headers: { 'X-Run-Id': 'AAAAAAAAAAAA' } }))
    const received = event(0, 0, EVENTS.requestReceived)
    const returned = event(1, 40, EVENTS.responseReturned)
    vi.stubGlobal('EventSource', streamOf([received, returned]))
    const seen: Array<{ events?: number; end?: string }> = []
    await runDemo({ kind: 'route', name: 'after' }, { work: 50, effect: 1000 }, { onProgress: ({ run }) => seen.push({ events: run?.events.length, end: run?.end }) })
    expect(seen).toEqual([{}, { events: 0 }, { events: 1 }, { events: 2 }, { events: 2, end: 'complete' }])
  })

  it('a Server Action demo needs its frame on the page', async () => {
    await expect(runDemo({ kind: 'action', name: 'server-action' }, { work: 0, effect: 0 }, {})).rejects.toThrow(
      'The Server Action frame is not on the page.',
    )
  })
})

describe('titleOf', () => {
  it("is a demo's own title, else its scenario's", () => {
    expect(titleOf({ kind: 'route', name: 'after', title: 'Route Handler' })).toBe('Route Handler')
    expect(titleOf({ kind: 'page', name: 'server-component' })).toBe('Server Component page')
  })
})
