import type { TestProject } from 'vitest/node'
import { startServer, TEST_SERVER_ENV, type RunningServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** One site per file running at once; `baseUrl()` (api.ts) picks the running file's. */
    baseUrls: string[]
  }
}

// The integration and browser projects share the servers; each project runs
// this setup, so the servers are counted rather than started twice.
const shared = globalThis as typeof globalThis & { afterGuideServers?: { servers: Promise<RunningServer[]>; users: number } }

/**
 * Starts one `next start` per file vitest runs at once (`maxWorkers`), so a
 * file has its server to itself while it runs: its counters (`/api/health`)
 * and its timings are its own, whatever runs beside it. AFTER_GUIDE_URL points
 * every file at a running site instead (not BASE_URL: Vite sets that one to
 * "/" itself); vitest.config.mts then runs one file at a time.
 */
export default async function setup(project: TestProject) {
  const external = process.env.AFTER_GUIDE_URL
  if (external) {
    project.provide('baseUrls', [external.replace(/\/$/, '')])
    return
  }
  const count = project.globalConfig.maxWorkers
  shared.afterGuideServers ??= {
    servers: Promise.all(Array.from({ length: count }, () => startServer(TEST_SERVER_ENV))),
    users: 0,
  }
  shared.afterGuideServers.users++
  const servers = await shared.afterGuideServers.servers
  project.provide(
    'baseUrls',
    servers.map((server) => server.url),
  )
  return async () => {
    if (--shared.afterGuideServers!.users === 0) await Promise.all(servers.map((server) => server.stop()))
  }
}
