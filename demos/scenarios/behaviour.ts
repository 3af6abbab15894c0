import { LANES } from '../engine/timeline'
import { EFFECT, WORK } from './shared-params'
import type { ParamSpec, Scenario } from './types'

/** How often a streamed demo response sends a chunk. */
export const STREAM_CHUNK_MS = 250

/** How long a streamed demo response keeps sending chunks. */
export const STREAM: ParamSpec = { label: 'Stream length', min: 250, max: 10_000, default: 3000 }

const both = { work: WORK, effect: EFFECT }
const route = (name: string) => `app/api/demos/${name}/route.ts`

/**
 * The demos of how after() behaves: the notes on failures, callback errors,
 * ordering and streaming, and the comparison page.
 */
export const behaviourScenarios = {
  // /notes/failures
  'fail-throw': {
    title: 'Handler throws (500)',
    summary: 'A callback is registered, then the handler throws: Next.js answers 500 and the callback still runs. A callback below the throw is never registered.',
    source: route('fail-throw'),
    params: both,
    status: 500,
    lanes: [LANES.sideEffect, LANES.sendReceipt],
  },
  'fail-redirect': {
    title: 'Handler calls redirect() (307)',
    summary: 'A callback is registered, then the handler calls redirect(): Next.js answers 307 and the callback still runs.',
    source: route('fail-redirect'),
    params: both,
    status: 307,
    lanes: [LANES.sideEffect, LANES.sendReceipt],
  },
  'fail-not-found': {
    title: 'Handler calls notFound() (404)',
    summary: 'A callback is registered, then the handler calls notFound(): Next.js answers 404 and the callback still runs.',
    source: route('fail-not-found'),
    params: both,
    status: 404,
    lanes: [LANES.sideEffect, LANES.sendReceipt],
  },
  'fail-status': {
    title: 'Handler returns 409',
    summary: 'A callback is registered, then the handler returns an error response of its own: the callback runs as for a 200.',
    source: route('fail-status'),
    params: both,
    status: 409,
  },
  // /notes/callback-errors
  'callback-error': {
    title: 'A callback throws',
    summary: 'One after() callback awaits a call that fails; a sibling callback writes the audit log. The response is 200, the sibling completes, Next.js logs the error.',
    source: route('callback-error'),
    params: both,
  },
  'callback-unawaited': {
    title: 'A callback leaves a rejection unawaited',
    summary: 'The callback starts a failing call without awaiting it: after() never sees the error, the process gets an unhandled rejection.',
    source: route('callback-unawaited'),
    params: both,
  },
  // /notes/ordering
  ordering: {
    title: 'Three after() calls and a nested one',
    summary: 'Three callbacks registered in order, the first registering a fourth: they start in order, at once, and run side by side.',
    source: route('ordering'),
    params: both,
  },
  'ordering-nested-first': {
    title: 'The same, nested after() called first',
    summary: 'The first callback registers the nested one before starting its own work: the next queued callback starts in between.',
    source: route('ordering-nested-first'),
    params: both,
  },
  // /notes/streaming
  streaming: {
    title: 'Streamed response',
    summary: 'The handler registers a callback and returns a body streamed in chunks: the callback waits until the stream closes, or until the client leaves.',
    source: route('streaming'),
    params: { stream: STREAM, effect: EFFECT },
  },
  // /comparison
  'fire-and-forget': {
    title: 'Side effect not awaited (void)',
    summary: 'The handler starts the audit-log write without awaiting it: the write runs during the handler, and nothing waits for it.',
    source: route('fire-and-forget'),
    params: both,
  },
  'await-failing': {
    title: 'Failing side effect, awaited',
    summary: 'The awaited side effect fails: the error goes up through the handler and the visitor gets a 500.',
    source: route('await-failing'),
    params: both,
    status: 500,
  },
  'fire-and-forget-failing': {
    title: 'Failing side effect, not awaited',
    summary: 'The side effect fails with nobody awaiting it: the visitor gets a 200 and the process gets an unhandled rejection.',
    source: route('fire-and-forget-failing'),
    params: both,
  },
  'after-failing': {
    title: 'Failing side effect in after()',
    summary: 'The side effect fails inside after(): the visitor already has a 200 and Next.js logs the error.',
    source: route('after-failing'),
    params: both,
  },
} satisfies Record<string, Scenario>

