import type { Backend, Params, RunRecord, RunStore } from './run-backend'
import type { FinalStatus, NewTimelineEvent } from './timeline'

/*
 * How an emulated serverless instance (`serverless/instance.mjs`) records its runs: in the
 * site's own run store, over the IPC channel to the site process that
 * supervises it. The instance is frozen after each invocation, so it could
 * not serve its runs' event streams; the site serves them, and ends each run
 * at the freeze, while the instance cannot say anything more.
 */

/** Set in an instance's environment by the supervisor: its runs are relayed to the site. */
export const RELAY_ENV = 'AFTER_GUIDE_RELAY_RUNS'

/** The store reads an instance asks the site, each answered with a `reply`. */
export type RelayCall =
  | { kind: 'call'; id: number; method: 'create'; args: [scenario: string, params: Params, ref?: string] }
  | { kind: 'call'; id: number; method: 'get' | 'findByRef'; args: [key: string] }

/** What an instance sends the site. Writes are not answered: they keep their order on the channel. */
export type InstanceMessage =
  | RelayCall
  | { kind: 'append'; runId: string; event: NewTimelineEvent; t: number }
  | { kind: 'end'; runId: string; status: FinalStatus }
  | { kind: 'ready'; port: number }
  /** The invocation is over: the response has ended and every promise given to `waitUntil` has settled. */
  | { kind: 'idle' }

export type SiteMessage = { kind: 'reply'; id: number; value?: RunRecord; error?: string }

/** Whether this process is an emulated instance whose runs go to the site. */
export const relaysRuns = (): boolean => process.env[RELAY_ENV] === '1' && typeof process.send === 'function'

/**
 * The backend of an emulated instance: every store call goes to the site.
 * Appends answer `undefined`, so the instance publishes nothing itself: the
 * site's store publishes each event it accepts on the site's feed, where the
 * visitor's event stream reads it.
 */
export function relayBackend(): Backend {
  const send = (message: InstanceMessage) => void process.send!(message)
  let nextId = 0
  const waiting = new Map<number, { resolve: (value: RunRecord | undefined) => void; reject: (error: Error) => void }>()
  process.on('message', (message: SiteMessage) => {
    const call = waiting.get(message.id)
    if (message.kind !== 'reply' || !call) return
    waiting.delete(message.id)
    if (message.error === undefined) call.resolve(message.value)
    else call.reject(new Error(message.error))
  })
  const ask = (method: RelayCall['method'], args: RelayCall['args']) =>
    new Promise<RunRecord | undefined>((resolve, reject) => {
      const id = nextId++
      waiting.set(id, { resolve, reject })
      send({ kind: 'call', id, method, args } as RelayCall)
    })

  const store: RunStore = {
    create: (scenario, params, ref) => ask('create', [scenario, params, ref]),
    get: (id) => ask('get', [id]),
    findByRef: (ref) => ask('findByRef', [ref]),
    // Read by event streams and health, which the site serves, never the instance.
    events: async () => [],
    size: async () => 0,
    append: async (runId, event, t) => void send({ kind: 'append', runId, event, t }),
    end: async (runId, status) => (send({ kind: 'end', runId, status }), true),
    // The site's store ages its runs out.
    evictExpired: async () => {},
  }
  return {
    store,
    feed: {
      publish: async () => {},
      subscribe: () => {
        throw new Error('An emulated serverless instance serves no event streams: the site does.')
      },
    },
  }
}
