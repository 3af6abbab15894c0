import { effectKind, LANES, simulate, type Lane, type Params, type RunRecorder } from '../engine'
import { STREAM_CHUNK_MS } from '../scenarios'
import { chunkedStream } from './chunked-stream'
import { demoOperations, type DemoOperations } from './rule'

/**
 * The operations of the behaviour demos (failures, callback errors, ordering,
 * streaming, the comparison): the rule's operations plus work that fails,
 * side effects in lanes of their own, and a streamed body. Like the rule's,
 * each name is what a reader would call in their own app, and each records
 * itself on the run's timeline.
 */
export interface BehaviourOperations extends DemoOperations {
  /** Critical work that fails after `work` ms: the card is declined. */
  chargeCard(): Promise<void>
  /** A side effect that fails after `effect` ms: the analytics service is down. */
  sendToAnalytics(): Promise<void>
  /** Side effects of `effect` ms, each in its own lane, so several callbacks draw several bars. */
  sendReceipt(): Promise<void>
  sendEmail(): Promise<void>
  updateSearchIndex(): Promise<void>
  purgeCache(): Promise<void>
  recordMetrics(): Promise<void>
  logPageView(): Promise<void>
  /** A body streamed in chunks, one every STREAM_CHUNK_MS, for `stream` ms. */
  reportStream(): ReadableStream<Uint8Array>
  /** A streamed response carrying the run id, like `json`. */
  stream(body: ReadableStream<Uint8Array>): Response
}

export class SimulatedFailure extends Error {
  constructor(message: string) {
    super(`${message} (simulated)`)
    this.name = 'SimulatedFailure'
  }
}

/** Stands in for a call that fails after `ms`. */
export const failAfter = async (ms: number, message: string): Promise<never> => {
  await simulate(ms)
  throw new SimulatedFailure(message)
}

export function behaviourOperations(recorder: RunRecorder, scenario: string, params: Params): BehaviourOperations {
  const base = demoOperations(recorder, scenario, { work: params.work ?? 0, effect: params.effect })
  const effectMs = params.effect ?? 0

  /** A side effect in its own lane, named after the function. */
  const inLane = (lane: Lane) => () =>
    recorder.task({ lane, type: effectKind(lane), started: `${lane} started`, finished: `${lane} finished` }, () =>
      simulate(effectMs),
    )

  return {
    ...base,
    chargeCard: () =>
      recorder.task({ lane: LANES.handler, type: 'work', started: 'Charging the card', finished: 'Card charged' }, () =>
        failAfter(params.work ?? 0, 'Card declined'),
      ),
    sendToAnalytics: () =>
      recorder.task({ lane: LANES.analytics, type: 'effect', started: 'Analytics call started', finished: 'Analytics call finished' }, () =>
        failAfter(effectMs, 'Analytics service unavailable'),
      ),
    sendReceipt: inLane(LANES.sendReceipt),
    sendEmail: inLane(LANES.sendEmail),
    updateSearchIndex: inLane(LANES.updateSearchIndex),
    purgeCache: inLane(LANES.purgeCache),
    recordMetrics: inLane(LANES.recordMetrics),
    logPageView: inLane(LANES.logPageView),
    reportStream: () => chunkedStream(recorder, Math.max(1, Math.ceil((params.stream ?? 0) / STREAM_CHUNK_MS))),
    stream: (body) =>
      new Response(body, {
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store, no-transform',
          'X-Accel-Buffering': 'no',
          'X-Run-Id': recorder.id,
        },
      }),
  }
}
