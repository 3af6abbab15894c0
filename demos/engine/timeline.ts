/**
 * The vocabulary of a run's timeline. Every event carries enough for a client
 * to draw it (lane, phase, label) without knowing which scenario produced it.
 */

/**
 * Where an event is drawn: one horizontal bar per lane. The engine's own
 * lanes are named in `LANES`; a side effect may draw in a lane of its own,
 * named after the function a reader would call (`sendReceipt`).
 */
export type Lane = string

export const LANES = {
  handler: 'Handler',
  middleware: 'Middleware',
  stream: 'Stream',
  sideEffect: 'Side effect',
  analytics: 'Analytics',
  // Side effects drawn in lanes of their own, each named after its function.
  sendReceipt: 'sendReceipt',
  sendEmail: 'sendEmail',
  updateSearchIndex: 'updateSearchIndex',
  purgeCache: 'purgeCache',
  recordMetrics: 'recordMetrics',
  logPageView: 'logPageView',
} as const

/** Lanes of the server's own steps; every other lane is a side effect. */
export const SERVER_LANES: ReadonlySet<Lane> = new Set([LANES.handler, LANES.stream, LANES.middleware])

/** Every event type with a fixed name. A task's bar is `<kind>.started` to `<kind>.finished` or `<kind>.failed`. */
export const EVENTS = {
  requestReceived: 'request.received',
  /** A composed handler's composition, its canonical text in `detail`: a receipt sets the playground up again from it. */
  composition: 'run.composition',
  /** The handler returned its response (or the page component, the Server Action, its value). */
  responseReturned: 'response.returned',
  /** Next.js read the response body's last chunk (see `next/body-sent`). */
  responseBodySent: 'response.body-sent',
  /** Next.js ran the run's after() callbacks, as seen by the run's own last callback. */
  responseSent: 'response.sent',
  handlerThrew: 'handler.threw',
  /** The page a run was handed to did not render it (a prefetch, a path the router reads another way, a visitor who left). */
  runAbandoned: 'run.abandoned',
  middlewareStarted: 'middleware.started',
  middlewareReturned: 'middleware.returned',
  middlewareThrew: 'middleware.threw',
  workStarted: 'work.started',
  workFinished: 'work.finished',
  workFailed: 'work.failed',
  effectStarted: 'effect.started',
  effectFinished: 'effect.finished',
  effectFailed: 'effect.failed',
  /** The audit-log entry a side effect wrote. */
  effectLogged: 'effect.logged',
  /** A request-context call (`headers()`, `cookies().set()`) threw inside a callback. */
  contextThrew: 'context.threw',
  streamStarted: 'stream.started',
  streamChunk: 'stream.chunk',
  streamClosed: 'stream.closed',
  streamCancelled: 'stream.cancelled',
  /**
   * The emulated serverless platform froze the process that ran the handler
   * (`serverless/`): the run ends here, and a task still open was cut.
   */
  instanceFrozen: 'instance.frozen',
  /** Computed by the client: where a serverless platform's clock starts and where its limit falls. */
  limitWindow: 'limit.window',
  limitReached: 'limit.reached',
} as const

export type FixedEventType = (typeof EVENTS)[keyof typeof EVENTS]

/**
 * What a task's bar stands for: the critical `work`, a side `effect`, or a
 * side effect in a lane of its own (`effect.sendReceipt`).
 */
export type TaskKind = 'work' | 'effect' | `effect.${string}`
export type TaskStep = 'started' | 'finished' | 'failed'
export type TaskEventType = `${TaskKind}.${TaskStep}`

export type EventType = FixedEventType | TaskEventType

export const taskEvent = (kind: TaskKind, step: TaskStep): TaskEventType => `${kind}.${step}`

/** A side effect's own lane, named after its function. */
export const effectKind = (lane: Lane): TaskKind => `effect.${lane}`

/** Whether an event belongs to a side effect (any `effect.*`), as opposed to the server's own steps. */
export const isSideEffectEvent = (type: EventType): boolean => type.startsWith('effect.')

/**
 * `start`/`end` delimit a bar in a lane; `instant` is a single tick.
 * A lane's bar runs from its first `start` to its last `end`.
 */
export type Phase = 'start' | 'end' | 'instant'

export type Outcome = 'ok' | 'error'

export interface TimelineEvent {
  /** Order of recording within the run, from 0. Also the SSE event id. */
  seq: number
  /** Milliseconds since the request reached the handler, on the server's monotonic clock. */
  t: number
  /** Machine-readable name, one of `EVENTS` or a task's (`taskEvent`). */
  type: EventType
  label: string
  lane: Lane
  phase: Phase
  outcome?: Outcome
  /** Extra text for the visitor (an error message, a status code). Always shown as text. */
  detail?: string
}

export type NewTimelineEvent = Omit<TimelineEvent, 'seq' | 't'>

export type RunStatus = 'running' | 'complete' | 'expired' | 'abandoned'

/**
 * How a run ends: `complete` once its response is sent and nothing is pending, `expired` at a time limit,
 * `abandoned` when the page it was handed to did not render.
 */
export type FinalStatus = Exclude<RunStatus, 'running'>

/**
 * How a run's event stream ends: with the run's final status, or with
 * `stream-lifetime` when the stream's own time limit runs out first.
 */
export type StreamEnd = FinalStatus | 'stream-lifetime'

/** What a subscriber receives: each event in order, then exactly one end marker. */
export type RunMessage =
  | { kind: 'event'; event: TimelineEvent }
  | { kind: 'end'; status: StreamEnd }

/** The message of anything thrown, for an event's `detail`. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Rounds to 0.1 ms: finer digits would only be clock noise. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10
