import { afterAll, beforeAll } from 'vitest'
import { startServer, type RunningServer } from './server'

/**
 * A `next start` of the enclosing describe's own, with `env` (tight limits):
 * started before its tests, stopped after. Read `url` inside a test.
 */
export function ownServer(env: Record<string, string>): { readonly url: string } {
  let server: RunningServer | undefined
  beforeAll(async () => {
    server = await startServer(env)
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })
  return {
    get url() {
      return server!.url
    },
  }
}
