import { startServer, type RunningServer, type ServerOptions } from '../tests/support/server'

/**
 * Runs `measure` against a `next start` of the last build, started with `env`
 * and always stopped, also when the bench is interrupted (the server runs in a
 * process group of its own, which Ctrl-C does not reach).
 */
export async function withServer<T>(env: Record<string, string>, measure: (server: RunningServer) => Promise<T>, options: ServerOptions = {}): Promise<T> {
  const server = await startServer(env, options)
  const interrupted = (signal: NodeJS.Signals) => void server.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    return await measure(server)
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await server.stop()
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
