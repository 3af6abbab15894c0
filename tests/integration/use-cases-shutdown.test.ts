import { describe, expect, it } from 'vitest'
import { startServer, TEST_SERVER_ENV } from '../support/server'

const EFFECT = 2500

/** Time from SIGTERM to the exit of `next start`, optionally with an after() callback pending. */
async function shutdownTime(withPendingCallback: boolean): Promise<{ ms: number; code: number | null }> {
  const server = await startServer(TEST_SERVER_ENV)
  try {
    if (withPendingCallback) {
      const response = await fetch(`${server.url}/api/demos/after?work=0&effect=${EFFECT}`, { method: 'POST' })
      expect(response.status).toBe(200)
      await response.text()
    }
    const start = performance.now()
    const code = await server.stop('SIGTERM')
    return { ms: performance.now() - start, code }
  } finally {
    await server.stop('SIGKILL')
  }
}

describe('a graceful shutdown of next start', () => {
  it('waits for a pending after() callback before the process exits', async () => {
    const idle = await shutdownTime(false)
    const pending = await shutdownTime(true)
    // The callback had EFFECT ms to go when the signal arrived; the process stayed until it finished.
    expect(pending.ms).toBeGreaterThanOrEqual(EFFECT - 200)
    expect(pending.ms - idle.ms).toBeGreaterThanOrEqual(EFFECT - 500)
  })
})
