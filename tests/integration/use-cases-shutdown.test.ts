import { describe, expect, it } from 'vitest'
import { settled } from '../support/health'
import { startServer, TEST_SERVER_ENV } from '../support/server'

const EFFECT = 5000

/**
 * Time from SIGTERM to the exit of `next start`, optionally with an after() callback pending; `left` is the least
 * the callback still had to run at the signal (it started after the request was sent).
 */
async function shutdownTime(withPendingCallback: boolean): Promise<{ ms: number; code: number | null; left: number }> {
  const server = await startServer(TEST_SERVER_ENV)
  try {
    // The route's code loaded first, by a run whose callback has no side effect to wait for, so that loading it does
    // not eat into the time the timed callback has left.
    expect((await fetch(`${server.url}/api/demos/after?work=0&effect=0`, { method: 'POST' })).status).toBe(200)
    await settled(server.url)
    const sent = performance.now()
    if (withPendingCallback) {
      const response = await fetch(`${server.url}/api/demos/after?work=0&effect=${EFFECT}`, { method: 'POST' })
      expect(response.status).toBe(200)
      await response.text()
    }
    const start = performance.now()
    const code = await server.stop('SIGTERM')
    return { ms: performance.now() - start, code, left: EFFECT - (start - sent) }
  } finally {
    await server.stop('SIGKILL')
  }
}

describe('a graceful shutdown of next start', () => {
  it('waits for a pending after() callback before the process exits', async () => {
    const idle = await shutdownTime(false)
    const pending = await shutdownTime(true)
    // The process stayed until the callback had finished, while an idle one exits in less time than that.
    expect(pending.left).toBeGreaterThan(EFFECT / 2)
    expect(pending.ms).toBeGreaterThanOrEqual(pending.left)
    expect(idle.ms).toBeLessThan(pending.left)
  })
})
