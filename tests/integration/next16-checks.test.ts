import { constants } from 'node:os'
import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine'
import { eachVersion } from '../support/api'
import { startVersionServer } from '../support/server'
import { streamText } from '../support/stream-text'

/*
 * Issue 16's "what to check on 16", measured on both versions. The
 * self-hosting advice: `next start` drains in-flight after() callbacks on
 * SIGINT (Ctrl-C) as it does on SIGTERM, on both versions; what differs is
 * how `next start` then exits: 0 on 15.5, 128 + the signal's number on 16
 * (130 for SIGINT, 143 for SIGTERM), as a process killed by it would.
 */

const EFFECT_MS = 1500

eachVersion((version) => {
  describe.each(['SIGINT', 'SIGTERM'] as const)('%s with a callback in flight', (signal) => {
    it(`lets the after() callback finish and its final event reach the viewer, then exits ${version.name === '16' ? '128 + the signal' : '0'}`, async () => {
      const { server, base } = await startVersionServer(version, { AFTER_GUIDE_RATE_BURST: '1000' })
      try {
        const response = await fetch(`${base}/api/demos/after?work=0&effect=${EFFECT_MS}`, { method: 'POST' })
        expect(response.headers.get('X-Next-Version')).toBe(version.next)
        const stream = streamText(fetch(`${base}/api/runs/${response.headers.get('x-run-id')}/events`))
        await stream.reached(`"type":"${EVENTS.effectStarted}"`)

        const exitCode = await server.stop(signal)
        const text = await stream.done
        expect(text).toContain(`"type":"${EVENTS.effectFinished}"`)
        expect(text).toMatch(/event: end\ndata: {"status":"complete"}/)
        expect(exitCode).toBe(version.name === '16' ? 128 + constants.signals[signal] : 0)
      } finally {
        await server.stop('SIGKILL')
      }
    }, 60_000)
  })
})
