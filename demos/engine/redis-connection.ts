import { Redis, ReplyError } from 'ioredis'
import { StoreUnavailableError } from './run-backend'
import { errorMessage } from './timeline'

/** Redis's replies while it is up but cannot serve: they pass, as a restart does. */
const NOT_SERVING = /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN)\b/

/** How long a request waits for a connection that is coming back before it is answered 503. */
const RECONNECT_WAIT_MS = 1000

/** One Redis connection, with the last connection error kept to name the cause of a 503. */
export class Connection {
  readonly redis: Redis
  private lastError = ''
  /** Each script's command name (`defineCommand`), made on first use. */
  private readonly scripts = new Map<string, string>()
  private reconnecting: Promise<void> | undefined

  constructor(url: string, role: string, queueWhileDown: boolean) {
    this.redis = new Redis(url, {
      // Commands are refused at once while the connection is down (the 503 path); the subscriber's one SUBSCRIBE waits.
      enableOfflineQueue: queueWhileDown,
      maxRetriesPerRequest: queueWhileDown ? null : 0,
      // A Redis that stopped answering (not one that closed the connection: that fails at once) costs a request 5 s at
      // most. Not less: on a starved event loop a reply that has arrived can still wait behind this timer.
      commandTimeout: queueWhileDown ? undefined : 5000,
      // Reconnects for ever, at most a second apart, so service comes back by itself.
      retryStrategy: (times) => Math.min(times * 100, 1000),
    })
    const where = `${this.redis.options.host}:${this.redis.options.port}`
    // Without a listener an 'error' event is only printed by ioredis; with one, each new cause is logged once.
    this.redis.on('error', (error: Error) => {
      if (error.message === this.lastError) return
      this.lastError = error.message
      console.error(`after-guide: Redis ${role} connection to ${where}: ${error.message}`)
    })
    this.redis.on('ready', () => {
      if (this.lastError !== '') console.error(`after-guide: Redis ${role} connection to ${where} is back`)
      this.lastError = ''
    })
  }

  /** The error a request gets while Redis cannot be reached, naming the connection's own error first (`ECONNREFUSED`). */
  unavailable(failure?: string): StoreUnavailableError {
    const { host, port } = this.redis.options
    const cause = this.lastError || failure || `connection ${this.redis.status}`
    return new StoreUnavailableError(`The run store (Redis at ${host}:${port}) is unreachable: ${cause}.`)
  }

  /** Waits briefly for a connection that is (re)connecting, then gives up with `unavailable()`. */
  async ready(): Promise<void> {
    if (this.isReady()) return
    // One wait shared by every request that arrives meanwhile: one listener, however many requests.
    this.reconnecting ??= new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.redis.off('ready', done)
        this.reconnecting = undefined
        resolve()
      }
      const timer = setTimeout(done, RECONNECT_WAIT_MS)
      this.redis.once('ready', done)
    })
    await this.reconnecting
    if (!this.isReady()) throw this.unavailable()
  }

  private isReady(): boolean {
    return this.redis.status === 'ready'
  }

  /**
   * Runs a script: by its SHA once Redis has it, so each call sends only its arguments. A failure means Redis could
   * not be reached, or is not serving yet (loading after a restart, a replica); any other reply error is a bug.
   */
  async eval(script: string, args: ReadonlyArray<string | number>): Promise<unknown> {
    await this.ready()
    let name = this.scripts.get(script)
    if (name === undefined) {
      name = `afterGuide${this.scripts.size}`
      this.redis.defineCommand(name, { numberOfKeys: 0, lua: script })
      this.scripts.set(script, name)
    }
    try {
      return await (this.redis as unknown as Record<string, (...args: ReadonlyArray<string | number>) => Promise<unknown>>)[name]!(...args)
    } catch (error) {
      if (error instanceof ReplyError && !NOT_SERVING.test(errorMessage(error))) throw error
      throw this.unavailable(errorMessage(error))
    }
  }
}
