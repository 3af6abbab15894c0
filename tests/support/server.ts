import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import path from 'node:path'

export interface RunningServer {
  url: string
  process: ChildProcess
  /** Everything the server printed so far. */
  output(): string
  /** Sends `signal` to the server's process group and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * The shared test server: its rate limits and per-client shares out of the
 * way (limit tests start their own), and runs that never hear back ended after 25 s instead of 60 s.
 * On Next.js 15.5 an after() registered once the client has gone never runs,
 * so a page whose visitor left before it rendered never marks its response
 * sent; 25 s still outlasts the longest demo (20 s side effect + 2 s work).
 */
export const TEST_SERVER_ENV = {
  AFTER_GUIDE_RATE_PER_MINUTE: '1000000',
  AFTER_GUIDE_RATE_BURST: '1000000',
  // Every test is one client (127.0.0.1): its shares are the whole server's.
  AFTER_GUIDE_RUNS_PER_CLIENT: '1000000',
  AFTER_GUIDE_STREAMS_PER_CLIENT: '1000000',
  AFTER_GUIDE_STREAM_RATE_PER_MINUTE: '1000000',
  AFTER_GUIDE_STREAM_RATE_BURST: '1000000',
  AFTER_GUIDE_MAX_RUN_MS: '25000',
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const siteRoot = path.resolve(import.meta.dirname, '../..')

/** The Next.js 16 demo server's package (next16/), built by `npm run build` beside the site. */
export const next16Root = path.join(siteRoot, 'next16')

/** Which versions the tests run (AFTER_GUIDE_VERSIONS=15.5 runs the site's alone); both by default. */
export const wantedVersions = (process.env.AFTER_GUIDE_VERSIONS ?? '15.5,16').split(',')

/** The Cache Components demo server's app (next16/cache-components), built by next16's build, served by its Next.js 16. */
export const cacheComponentsRoot = path.join(next16Root, 'cache-components')

export interface ServerOptions {
  /** The built app to serve: the site by default, next16Root, or a test fixture app. */
  root?: string
  /** A path that answers 200 once the server is up. */
  readyPath?: string
}

/**
 * A server of the given version's build, and the base its endpoints answer
 * under (the Next.js 16 server's sit under its base path).
 */
export async function startVersionServer(version: { root: string; baseUrls: string[] }, env: Record<string, string>): Promise<{ server: RunningServer; base: string }> {
  const prefix = new URL(version.baseUrls[0]!).pathname.replace(/\/$/, '')
  const server = await startServer(env, { root: version.root, readyPath: `${prefix}/api/health` })
  return { server, base: `${server.url}${prefix}` }
}

/** The Next.js that `root`'s own files resolve: the site's 15.5, or next16's own 16 for next16Root. */
const nextBin = (root: string): string => createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next')

/**
 * Starts `next start` on the built site (run `npm run build` first). The
 * server gets its own process group so that stopping it reaches the
 * next-server process it forks, not only the launcher.
 */
export async function startServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  // A port found free can be taken by another process before next start binds it (servers start in parallel):
  // then it exits with EADDRINUSE, and another port is tried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(await freePort(), env, options)
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 5) throw error
    }
  }
}

class PortTaken extends Error {}

async function startOn(port: number, env: Record<string, string>, options: ServerOptions): Promise<RunningServer> {
  const { root = siteRoot, readyPath = '/api/health' } = options
  const child = spawn(process.execPath, [nextBin(root), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  // On 'close', not 'exit': by then everything the server printed has been read (its last lines may follow 'exit').
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))

  const url = `http://127.0.0.1:${port}`
  // Generous: on a busy machine several servers and builds start at once.
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) {
      if (output.includes('EADDRINUSE')) throw new PortTaken(`port ${port} was taken`)
      throw new Error(`next start exited with ${child.exitCode}:\n${output}`)
    }
    try {
      // Ours once it has printed "Ready" (it prints that only once listening), not a server that took the port first.
      if (output.includes('Ready in') && (await fetch(`${url}${readyPath}`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }

  return {
    url,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, signal)
        } catch {
          // already gone
        }
      }
      return exited
    },
  }
}
