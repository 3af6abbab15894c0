import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { freePort } from './server'

export interface RunningRedis {
  url: string
  port: number
  process: ChildProcess
  /** Stops this redis-server by its process id and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>
  /** A new redis-server on the same port (its data is gone: it keeps none). */
  restart(): Promise<void>
}

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server'

/** Whether the Redis tests can run: skipped with a warning without redis-server, except under CI, where that fails. */
export function redisAvailable(): boolean {
  if (existsSync(REDIS_SERVER)) return true
  if (process.env.CI) throw new Error(`redis-server not found at ${REDIS_SERVER}: install Debian's redis-server (apt-get install -y redis-server) or set REDIS_SERVER.`)
  console.warn(`Skipping the Redis tests: no redis-server at ${REDIS_SERVER} (apt-get install -y redis-server).`)
  return false
}

/** Resolves once something accepts connections on `port`. */
async function listening(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output()}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open && output().includes('Ready to accept connections')) return
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within 20 s:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function launch(port: number): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  // In the foreground, on loopback, with no persistence: a restart starts empty, as after a crash without a disk.
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { child, output: () => output, exited }
}

/** Starts `redis-server` on a free port; `stop()` ends it by its process id. */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort()
  let current = launch(port)
  await listening(port, current.child, current.output)
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill(signal)
    await current.exited
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get process() {
      return current.child
    },
    stop,
    async restart() {
      await stop()
      current = launch(port)
      await listening(port, current.child, current.output)
    },
  }
}
