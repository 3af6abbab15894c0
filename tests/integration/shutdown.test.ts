import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine'
import { waitFor } from '../support/health'
import { startServer } from '../support/server'
import { streamText } from '../support/stream-text'

const EFFECTS = [1500, 2000, 2500, 3000, 3500]

/** Follows an event stream, keeping everything it received. */
const follow = (url: string) => streamText(fetch(url))

describe('SIGTERM with runs in flight', () => {
  it('finishes every after() callback and delivers every final event before the server exits', async () => {
    const server = await startServer({ AFTER_GUIDE_RATE_BURST: '1000' })
    try {
      const sent = performance.now()
      const responses = await Promise.all(
        EFFECTS.map((effect) => fetch(`${server.url}/api/demos/after?work=0&effect=${effect}`, { method: 'POST' })),
      )
      const runIds = responses.map((response) => response.headers.get('x-run-id')!)
      const streams = runIds.map((id) => follow(`${server.url}/api/runs/${id}/events`))
      // Every callback has started before the signal.
      const allStarted = () => streams.every((stream) => stream.text().includes(EVENTS.effectStarted))
      expect(await waitFor(async () => allStarted(), Boolean, 30_000)).toBe(true)

      const signalled = performance.now()
      const exitCode = await server.stop('SIGTERM')
      const shutdownMs = performance.now() - signalled
      await Promise.all(streams.map((stream) => stream.done))

      expect(exitCode).toBe(0)
      for (const stream of streams) {
        const text = stream.text()
        expect(text).toMatch(/"type":"effect\.finished"/)
        expect(text).toMatch(/"type":"effect\.logged"/)
        expect(text).toMatch(/event: end\ndata: {"status":"complete"}/)
      }
      // What the longest side effect still had to run at the signal bounds the drain from below (it started after the
      // requests were sent, however long a busy machine took to get here); nothing kept the process much longer.
      expect(shutdownMs).toBeGreaterThanOrEqual(Math.max(...EFFECTS) - (signalled - sent))
      expect(shutdownMs).toBeLessThan(Math.max(...EFFECTS) + 5000)
      console.log(`shutdown with ${EFFECTS.length} runs in flight took ${Math.round(shutdownMs)} ms (longest side effect ${Math.max(...EFFECTS)} ms)`)
    } finally {
      await server.stop('SIGKILL')
    }
  }, 60_000)
})
