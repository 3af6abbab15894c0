import type { TestProject } from 'vitest/node'
import { startServer, TEST_SERVER_ENV, type RunningServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

// The integration and browser projects share one server; each project runs
// this setup, so the server is counted rather than started twice.
const shared = globalThis as typeof globalThis & { afterGuideServer?: { server: Promise<RunningServer>; users: number } }

/**
 * Starts one `next start` for the tests, unless AFTER_GUIDE_URL points at a
 * running site. (Not BASE_URL: Vite sets that one to "/" itself.)
 */
export default async function setup(project: TestProject) {
  const external = process.env.AFTER_GUIDE_URL
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''))
    return
  }
  shared.afterGuideServer ??= { server: startServer(TEST_SERVER_ENV), users: 0 }
  shared.afterGuideServer.users++
  const server = await shared.afterGuideServer.server
  project.provide('baseUrl', server.url)
  return async () => {
    if (--shared.afterGuideServer!.users === 0) await server.stop()
  }
}
