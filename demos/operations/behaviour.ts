import type { Params } from './engine/run-store'
import type { RunRecorder } from './engine/recorder'
import { simulate } from './engine/simulate'
import { demoOperations, type DemoOperations } from './operations'

/** How often a streamed demo response sends a chunk. */
export const STREAM_CHUNK_MS = 250

/**
 * The operations of the notes' demos (failures, callback errors, ordering,
 * streaming, the comparison): the rule's operations plus work that fails,
 * side effects in lanes of their own, and a streamed body. Like the rule's,
 * each name is what a reader would call in their own app, and each records
 * itself on the run's timeline.
 */
export interface RuntimeOperations extends DemoOperations {
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

const failAfter = async (ms: number, message: string): Promise<never> => {
  await simulate(ms)
  throw new SimulatedFailure(message)
}

export function runtimeOperations(recorder: RunRecorder, scenario: string, params: Params): RuntimeOperations {
  const base = demoOperations(recorder, scenario, { work: params.work ?? 0, effect: params.effect })
  const effectMs = params.effect ?? 0

  /** A side effect in its own lane, named after the function. */
  const inLane = (lane: string) => () =>
    recorder.task({ lane, type: `effect.${lane}`, started: `${lane} started`, finished: `${lane} finished` }, () =>
      simulate(effectMs),
    )

  function reportStream(): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder()
    const chunks = Math.max(1, Math.ceil((params.stream ?? 0) / STREAM_CHUNK_MS))
    let timer: ReturnType<typeof setTimeout> | undefined
    let sent = 0
    const lane = 'Stream'
    return new ReadableStream<Uint8Array>({
      start() {
        recorder.mark({ type: 'stream.started', label: 'Stream opened', lane, phase: 'start' })
      },
      pull(controller) {
        return new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            timer = undefined
            sent++
            controller.enqueue(encoder.encode(`chunk ${sent} of ${chunks}\n`))
            recorder.mark({ type: 'stream.chunk', label: `Chunk ${sent} sent`, lane, phase: 'instant' })
            if (sent === chunks) {
              controller.close()
              recorder.mark({ type: 'stream.closed', label: 'Stream closed', lane, phase: 'end', outcome: 'ok' })
            }
            resolve()
          }, STREAM_CHUNK_MS)
        })
      },
      cancel() {
        // The client went away: Next.js cancels the body, and no more chunks are made.
        if (timer !== undefined) clearTimeout(timer)
        recorder.mark({
          type: 'stream.cancelled',
          label: 'Stream cancelled: the client left',
          lane,
          phase: 'end',
          outcome: 'error',
          detail: `after ${sent} of ${chunks} chunks`,
        })
      },
    })
  }

  return {
    ...base,
    chargeCard: () =>
      recorder.task({ lane: 'Handler', type: 'work', started: 'Charging the card', finished: 'Card charged' }, () =>
        failAfter(params.work ?? 0, 'Card declined'),
      ),
    sendToAnalytics: () =>
      recorder.task({ lane: 'Analytics', type: 'effect', started: 'Analytics call started', finished: 'Analytics call finished' }, () =>
        failAfter(effectMs, 'Analytics service unavailable'),
      ),
    sendReceipt: inLane('sendReceipt'),
    sendEmail: inLane('sendEmail'),
    updateSearchIndex: inLane('updateSearchIndex'),
    purgeCache: inLane('purgeCache'),
    recordMetrics: inLane('recordMetrics'),
    reportStream,
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
