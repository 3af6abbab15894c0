import { STREAM_CHUNK_MS } from '../scenarios/behaviour'

/**
 * A composed Route Handler: what the playground's visitor builds and
 * `POST /api/demos/compose?steps=…` runs. Data only, safe in the browser.
 */

/** A composed handler's run name, as runs and receipts know it. */
export const COMPOSE = 'compose'

/** The side effects a visitor may call, by the name in the composition, with the function the shown code calls. */
export const SIDE_EFFECTS = {
  'audit-log': { call: 'writeAuditLog', label: 'Audit log' },
  analytics: { call: 'sendToAnalytics', label: 'Analytics' },
  email: { call: 'sendEmail', label: 'Email' },
  'cache-purge': { call: 'purgeCache', label: 'Cache purge' },
  webhook: { call: 'callWebhook', label: 'Webhook' },
  'search-index': { call: 'updateSearchIndex', label: 'Search index' },
} as const

export type EffectName = keyof typeof SIDE_EFFECTS

/**
 * How a side effect is called: awaited, started and not awaited (`void`),
 * scheduled with `after()`, or scheduled with `after()` inside the callback
 * of the `after` step just above it (`nested`: once that step's call has
 * finished; `nested-first`: before it starts).
 */
export const CALL_STYLES = ['await', 'void', 'after', 'nested', 'nested-first'] as const
export type CallStyle = (typeof CALL_STYLES)[number]

/** The critical work the response depends on: shown as `updateDatabase()`. */
export const WORK_CALL = 'updateDatabase'
/** The streamed body: shown as `streamReport()`. */
export const STREAM_CALL = 'streamReport'
/** Where a composed handler's `redirect()` sends the visitor. */
export const REDIRECT_TO = '/playground'
/** What a composed handler's `throw` says. */
export const THROWN_MESSAGE = 'Something went wrong'

export interface EffectStep {
  kind: 'effect'
  style: CallStyle
  name: EffectName
  ms: number
  /** The call rejects after `ms`: thrown where it is awaited, an unhandled rejection where it is not. */
  fails: boolean
}

export type Step =
  | { kind: 'work'; ms: number }
  | EffectStep
  | { kind: 'throw' }
  | { kind: 'redirect' }
  | { kind: 'stream'; chunks: number }

export type StepKind = Step['kind']

/** The bounds a composition is checked against, all in one place so the catalogue and the errors quote them. */
export const LIMITS = {
  /** Side effects, nested ones included. */
  sideEffects: 6,
  /** Milliseconds of one step (work or side effect). */
  stepMs: 5000,
  /** Chunks of a streamed response. */
  chunks: 20,
  /** Milliseconds between two chunks. */
  chunkMs: STREAM_CHUNK_MS,
  /** Milliseconds of every duration in the composition added up, the stream's included. */
  totalMs: 15_000,
} as const
