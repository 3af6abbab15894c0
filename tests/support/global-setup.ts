import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { CACHE_COMPONENTS_BASE, NEXT16_BASE } from '../../demos/versions/served'
import { cacheComponentsRoot, next16Root, startServer, TEST_SERVER_ENV, wantedVersions as wanted, type RunningServer } from './server'

/** One Next.js version the truth tests run against. */
export interface VersionUnderTest {
  /** How tests name it: `15.5` (the site's own server) or `16` (the demo server under NEXT16_BASE). */
  name: '15.5' | '16'
  /** The exact Next.js its package pins: what every run must report. */
  next: string
  /** One server per file running at once; the 16 ones end in NEXT16_BASE. */
  baseUrls: string[]
  /** The folder of its build (`.next`), for what tests read from the build (Server Action ids). */
  root: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site's servers, one per file running at once; `baseUrl()` (api.ts) picks the running file's. */
    baseUrls: string[]
    /** Every version under test, the site's first; `eachVersion()` (api.ts) runs a file's tests on each. */
    versions: VersionUnderTest[]
    /** The Cache Components demo servers (Next.js 16 only), one per file running at once, ending in CACHE_COMPONENTS_BASE; none without 16. */
    cacheComponentsUrls: string[]
  }
}

const siteRoot = path.resolve(import.meta.dirname, '../..')
const pinnedNext = (root: string): string =>
  (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: { next: string } }).dependencies.next


/**
 * A site server, and the demo servers it forwards NEXT16_BASE and CACHE_COMPONENTS_BASE to (one each, so counters
 * stay a file's own).
 */
interface Pair {
  site: RunningServer
  next16?: RunningServer
  cacheComponents?: RunningServer
}

async function startPair(): Promise<Pair> {
  if (!wanted.includes('16')) return { site: await startServer(TEST_SERVER_ENV) }
  // As scripts/start.mjs runs them: behind the site, one trusted hop (a Server Action from a /next16 page passes the Origin check).
  const behindTheSite = { ...TEST_SERVER_ENV, AFTER_GUIDE_TRUSTED_PROXY_HOPS: '1' }
  const [next16, cacheComponents] = await Promise.all([
    startServer(behindTheSite, { root: next16Root, readyPath: `${NEXT16_BASE}/api/health` }),
    startServer(behindTheSite, { root: cacheComponentsRoot, readyPath: `${CACHE_COMPONENTS_BASE}/api/static-record` }),
  ])
  const site = await startServer({ ...TEST_SERVER_ENV, AFTER_GUIDE_NEXT16_URL: next16.url, AFTER_GUIDE_CACHE_COMPONENTS_URL: cacheComponents.url })
  return { site, next16, cacheComponents }
}

function versionsUnderTest(site: string[], next16: string[]): VersionUnderTest[] {
  const all: VersionUnderTest[] = [
    { name: '15.5', next: pinnedNext(siteRoot), baseUrls: site, root: siteRoot },
    { name: '16', next: pinnedNext(next16Root), baseUrls: next16.map((url) => `${url}${NEXT16_BASE}`), root: next16Root },
  ]
  return all.filter((version) => wanted.includes(version.name))
}

// The integration and browser projects share the servers; each project runs this setup, so the servers are counted
// rather than started twice, and started as many times as the project that runs the most files at once needs.
const shared = globalThis as typeof globalThis & { afterGuideServers?: { pairs: Promise<Pair>[]; users: number } }

/**
 * Starts one site server per file the project runs at once (its `maxWorkers`, set in vitest.config.mts), each with
 * Next.js 16 demo servers of its own behind it, so a file has them to itself while it runs: its counters
 * (`/api/health`) and its timings are its own, whatever runs beside it. A file finds its own by its VITEST_POOL_ID
 * (`baseUrl()`, api.ts). AFTER_GUIDE_URL points every file at a running site instead (not BASE_URL: Vite sets that
 * one to "/" itself), whose Next.js 16 demos are reached through it; vitest.config.mts then runs one file at a time.
 */
export default async function setup(project: TestProject) {
  const external = process.env.AFTER_GUIDE_URL?.replace(/\/$/, '')
  if (external) {
    project.provide('baseUrls', [external])
    project.provide('versions', versionsUnderTest([external], [external]))
    project.provide('cacheComponentsUrls', wanted.includes('16') ? [`${external}${CACHE_COMPONENTS_BASE}`] : [])
    return
  }
  shared.afterGuideServers ??= { pairs: [], users: 0 }
  const servers = shared.afterGuideServers
  servers.users++
  while (servers.pairs.length < project.config.maxWorkers) servers.pairs.push(startPair())
  const pairs = await Promise.all(servers.pairs.slice(0, project.config.maxWorkers))
  const sites = pairs.map((pair) => pair.site.url)
  project.provide('baseUrls', sites)
  project.provide('versions', versionsUnderTest(sites, pairs.flatMap((pair) => (pair.next16 ? [pair.next16.url] : []))))
  project.provide('cacheComponentsUrls', pairs.flatMap((pair) => (pair.cacheComponents ? [`${pair.cacheComponents.url}${CACHE_COMPONENTS_BASE}`] : [])))
  return async () => {
    if (--servers.users === 0) {
      const all = await Promise.all(servers.pairs)
      await Promise.all(all.flatMap((pair) => [pair.site, pair.next16, pair.cacheComponents]).map((server) => server && stopSoon(server)))
    }
  }
}

/**
 * Stops a shared server once the run is over. SIGTERM first, as a host would; but `next start` then waits for every
 * pending `after()` callback, and the last tests may leave long ones (a run once spent 52 s here after its summary),
 * so after a few seconds the process group is killed: nothing is measured any more.
 */
async function stopSoon(server: RunningServer): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, 3_000)))
  const stopped = server.stop()
  if ((await Promise.race([stopped.then(() => 'stopped'), grace])) !== 'stopped') await server.stop('SIGKILL')
  clearTimeout(timer)
}
