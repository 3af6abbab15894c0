import { NEXT16_BASE } from '../demos/versions'
import { next16Root, startServer, type RunningServer, type ServerOptions } from '../tests/support/server'

/** The servers a bench measures one after the other: where each build is, and the prefix its pages answer under. */
export const BENCH_VERSIONS: Array<{ options: ServerOptions; prefix: string }> = [
  { options: {}, prefix: '' },
  { options: { root: next16Root, readyPath: `${NEXT16_BASE}/api/health` }, prefix: NEXT16_BASE },
]

/**
 * Runs `measure` against a `next start` of the last build, started with `env`
 * and always stopped, also when the bench is interrupted (the server runs in a
 * process group of its own, which Ctrl-C does not reach).
 */
export async function withServer<T>(env: Record<string, string>, measure: (server: RunningServer) => Promise<T>, options: ServerOptions = {}): Promise<T> {
  return withServers(1, env, ([server]) => measure(server!), options)
}

/** `withServer` for `count` instances of the same build, started at once and all stopped. */
export async function withServers<T>(count: number, env: Record<string, string>, measure: (servers: RunningServer[]) => Promise<T>, options: ServerOptions = {}): Promise<T> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer(env, options)))
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const failed = started.find((result) => result.status === 'rejected')
  if (failed) {
    await Promise.all(servers.map((server) => server.stop()))
    throw failed.reason
  }
  const stopAll = () => Promise.all(servers.map((server) => server.stop()))
  const interrupted = (signal: NodeJS.Signals) => void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    return await measure(servers)
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await stopAll()
  }
}

/**
 * Runs a benchmark script's `main` and exits: 0 when it finished (timers it
 * left behind, such as run expiries, do not keep the process alive), 1 with
 * the error printed when it failed.
 */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
