import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { busy, serverState } from '../admission'
import { EVENTS, LANES, monotonic, processWide, RELAY_ENV, type InstanceMessage, type RelayCall, type Run, type RunRecord, type SiteMessage } from '../engine'

/** How long a new instance may take to start (load the build, listen) before it is given up. */
const START_TIMEOUT_MS = 30_000

/** Invocations that may wait for the instance at once; more are refused (503), so waiting stays short. */
const MAX_WAITING = 3

/** A run the instance records, kept here while it runs: `t0`, its start on this process's clock, puts the freeze on the run's. */
interface RelayedRun {
  run: Run
  t0?: number
}

type InstanceState =
  | { kind: 'none' }
  | { kind: 'starting'; child: ChildProcess; ready: Promise<number> }
  | { kind: 'running'; child: ChildProcess; port: number }
  | { kind: 'frozen'; child: ChildProcess; port: number; discard: ReturnType<typeof setTimeout> }

/** The invocation going on: its response, its after() work, then its freeze. */
interface Invocation {
  /** Ends the invocation's turn: the next one may thaw the instance. */
  over: () => void
  /** The platform's maxDuration: an invocation still going then is stopped. */
  limit: ReturnType<typeof setTimeout>
}

/**
 * Emulates a serverless platform on this server: one instance (a separate
 * Node.js process running this server's own Next.js build, see
 * `instance.mjs`) that serves one invocation at a time. Once an invocation's
 * response has ended and the promises given to its `waitUntil` have settled,
 * the instance is frozen (SIGSTOP): whatever else it was doing stops where it
 * is. The next invocation thaws it (SIGCONT); one that does not come within
 * `frozenMaxMs` finds it discarded (SIGKILL), as a platform discards idle
 * instances, so no process stays stopped.
 *
 * The instance records its runs in this process's run store (relayed over
 * IPC), so their event streams go on while it is frozen; at the freeze this
 * supervisor marks the moment on each of the invocation's runs and ends them.
 */
export class Supervisor {
  private state: InstanceState = { kind: 'none' }
  private invocation: Invocation | undefined
  private turn: Promise<void> = Promise.resolve()
  private waiting = 0
  private readonly runs = new Map<string, RelayedRun>()

  constructor(
    /** The directory whose build the instance serves, with its own `node_modules/next`. */
    private readonly dir: string,
    private readonly options: { frozenMaxMs: number; maxRunMs: number },
  ) {
    // A frozen process ignores everything but SIGKILL: leaving it behind would leave it stopped forever.
    process.once('exit', () => this.discard())
  }

  /** The instance's state, for tests and health: `none`, `starting`, `running` or `frozen`, with its process id. */
  get status(): { kind: InstanceState['kind']; pid?: number } {
    return this.state.kind === 'none' ? { kind: 'none' } : { kind: this.state.kind, pid: this.state.child.pid }
  }

  /**
   * Sends one invocation to the instance, once the one before it is over,
   * and answers its response. The invocation goes on after the response
   * (its after() work) until the instance is frozen.
   */
  async invoke(path: string, headers: Headers, signal: AbortSignal): Promise<Response> {
    const over = await this.takeTurn()
    try {
      const port = await this.thawed()
      this.invocation = { over, limit: setTimeout(() => this.stop(), this.options.maxRunMs) }
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers, signal, redirect: 'manual' })
      const forwarded = new Headers(response.headers)
      // fetch has decoded the body and the site's server frames its own.
      for (const name of ['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']) forwarded.delete(name)
      return new Response(response.body, { status: response.status, headers: forwarded })
    } catch (error) {
      // Nothing reached the instance, or it died: the turn is over now, not at a freeze that will not come.
      if (this.invocation?.over === over) this.endInvocation()
      else over()
      if (signal.aborted) throw error
      throw busy(`The emulated serverless instance could not be reached (${error instanceof Error ? error.message : String(error)}). Retry in 2 s.`, 2)
    }
  }

  /**
   * Starts the instance ahead of its first invocation and freezes it, as a
   * platform keeps a warm instance: the visitor's first run then measures
   * the routes, not a process starting. A no-op while there is an instance.
   */
  async warm(): Promise<void> {
    if (this.state.kind !== 'none') return
    const over = await this.takeTurn()
    try {
      await this.thawed()
      const state = this.state as InstanceState
      if (state.kind === 'running' && !this.invocation) this.freeze(state.child)
    } catch (error) {
      throw busy(`The emulated serverless instance did not start (${error instanceof Error ? error.message : String(error)}). Retry in 2 s.`, 2)
    } finally {
      over()
    }
  }

  /** Waits for the instance to be free; refuses (503) when too many invocations wait already. */
  private async takeTurn(): Promise<() => void> {
    if (this.waiting >= MAX_WAITING) throw busy('The emulated serverless instance is busy with other invocations. Retry in 5 s.', 5)
    this.waiting++
    let over = (): void => {}
    const previous = this.turn
    this.turn = new Promise((resolve) => (over = resolve))
    await previous
    this.waiting--
    return over
  }

  /** The instance's port, once it runs: started if there is none, thawed if frozen. */
  private async thawed(): Promise<number> {
    const state = this.state
    if (state.kind === 'frozen') {
      clearTimeout(state.discard)
      state.child.kill('SIGCONT')
      this.state = { kind: 'running', child: state.child, port: state.port }
      return state.port
    }
    if (state.kind === 'running') return state.port
    if (state.kind === 'starting') return state.ready
    return this.start()
  }

  private start(): Promise<number> {
    // spawn with an IPC channel, not fork(script): Turbopack takes fork's argument for a module to bundle.
    const args = [path.join(this.dir, 'demos/serverless/instance.mjs')]
    const child = spawn(process.execPath, args, {
      cwd: this.dir,
      // The site is the only proxy in front of it, and names the visitor in X-Forwarded-For.
      env: { ...process.env, [RELAY_ENV]: '1', AFTER_GUIDE_TRUSTED_PROXY_HOPS: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const ready = new Promise<number>((resolve, reject) => {
      const timeout = setTimeout(() => {
        reject(new Error('it did not start in time'))
        child.kill('SIGKILL')
      }, START_TIMEOUT_MS)
      child.on('message', (message: InstanceMessage) => {
        if (message.kind === 'ready') {
          clearTimeout(timeout)
          if (this.state.kind === 'starting' && this.state.child === child) this.state = { kind: 'running', child, port: message.port }
          resolve(message.port)
        } else this.receive(child, message)
      })
      child.on('exit', (code, signal) => {
        clearTimeout(timeout)
        reject(new Error(`it exited (${signal ?? code})`))
        this.exited(child)
      })
    })
    this.state = { kind: 'starting', child, ready }
    return ready
  }

  private receive(child: ChildProcess, message: InstanceMessage): void {
    switch (message.kind) {
      case 'call':
        void this.answer(message).then((reply) => child.connected && child.send(reply))
        return
      case 'append': {
        const relayed = this.runs.get(message.runId)
        if (!relayed) return
        // Each event arrives after it was marked: the earliest start it implies is the closest, and keeps
        // the freeze, placed from it, after every event that came before it.
        relayed.t0 = Math.min(relayed.t0 ?? Infinity, monotonic() - message.t)
        relayed.run.append(message.event, message.t)
        return
      }
      case 'end':
        this.runs.get(message.runId)?.run.end(message.status)
        this.runs.delete(message.runId)
        return
      case 'idle':
        if (this.invocation && this.state.kind === 'running' && this.state.child === child) this.freeze(child)
        return
    }
  }

  /** A store read the instance asked for, answered from this process's run store. */
  private async answer(call: RelayCall): Promise<SiteMessage> {
    const state = serverState()
    try {
      if (call.method === 'create') {
        const run = await state.runs.create(...call.args)
        if (run) {
          this.runs.set(run.id, { run })
          state.history.record(run.id)
        }
        return { kind: 'reply', id: call.id, value: run && record(run, 'running') }
      }
      const run = call.method === 'get' ? await state.runs.get(call.args[0]) : await state.runs.findByRef(call.args[0])
      return { kind: 'reply', id: call.id, value: run && record(run, await run.status()) }
    } catch (error) {
      return { kind: 'reply', id: call.id, error: error instanceof Error ? error.message : String(error) }
    }
  }

  /** The invocation is over: the instance stops where it is, and its runs end at this moment. */
  private freeze(child: ChildProcess): void {
    child.kill('SIGSTOP')
    const port = this.state.kind === 'running' ? this.state.port : 0
    const discard = setTimeout(() => this.discard(), this.options.frozenMaxMs)
    discard.unref()
    this.state = { kind: 'frozen', child, port, discard }
    this.cutRuns('Instance frozen (emulated platform)')
    this.endInvocation()
  }

  /** The invocation outlived the platform's maxDuration: the platform stops the instance, its runs end there. */
  private stop(): void {
    this.cutRuns('Instance stopped at maxDuration (emulated platform)')
    this.discard()
    this.endInvocation()
  }

  /** Marks the moment on every run still open and ends it: nothing more can be recorded in a stopped process. */
  private cutRuns(label: string): void {
    for (const [id, { run, t0 }] of this.runs) {
      run.append({ type: EVENTS.instanceFrozen, label, lane: LANES.handler, phase: 'instant' }, t0 === undefined ? 0 : monotonic() - t0)
      run.end('complete')
      this.runs.delete(id)
    }
  }

  private endInvocation(): void {
    const invocation = this.invocation
    this.invocation = undefined
    if (!invocation) return
    clearTimeout(invocation.limit)
    invocation.over()
  }

  /** Ends the instance at once, frozen or not (SIGKILL reaches a stopped process). */
  private discard(): void {
    if (this.state.kind === 'none') return
    if (this.state.kind === 'frozen') clearTimeout(this.state.discard)
    this.state.child.kill('SIGKILL')
    this.state = { kind: 'none' }
  }

  private exited(child: ChildProcess): void {
    if (this.state.kind !== 'none' && this.state.child === child) {
      this.state = { kind: 'none' }
      // Its runs can record nothing more; an invocation still going is over.
      for (const [id, { run }] of this.runs) {
        run.end('expired')
        this.runs.delete(id)
      }
      this.endInvocation()
    }
  }
}

const record = (run: Run, status: RunRecord['status']): RunRecord => ({ id: run.id, ref: run.ref, scenario: run.scenario, params: run.params, status })

/** The supervisor of this server process, made on first use: its instance serves the build in the working directory. */
export const supervisor = processWide('serverless-supervisor', () => {
  const { frozenMaxMs, maxRunMs } = serverState().config
  return new Supervisor(process.cwd(), { frozenMaxMs, maxRunMs })
})
