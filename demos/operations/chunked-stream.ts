import { EVENTS, LANES, type RunRecorder } from '../engine'
import { STREAM_CHUNK_MS } from '../scenarios'

/**
 * A body of `chunks` chunks, one every STREAM_CHUNK_MS, each recorded on the
 * run's Stream lane as it is made, and its cancelling when the client leaves.
 */
export function chunkedStream(recorder: RunRecorder, chunks: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let timer: ReturnType<typeof setTimeout> | undefined
  let sent = 0
  const lane = LANES.stream
  return new ReadableStream<Uint8Array>({
    start() {
      recorder.mark({ type: EVENTS.streamStarted, label: 'Stream opened', lane, phase: 'start' })
    },
    pull(controller) {
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          timer = undefined
          sent++
          controller.enqueue(encoder.encode(`chunk ${sent} of ${chunks}\n`))
          recorder.mark({ type: EVENTS.streamChunk, label: `Chunk ${sent} sent`, lane, phase: 'instant' })
          if (sent === chunks) {
            controller.close()
            recorder.mark({ type: EVENTS.streamClosed, label: 'Stream closed', lane, phase: 'end', outcome: 'ok' })
          }
          resolve()
        }, STREAM_CHUNK_MS)
      })
    },
    cancel() {
      // The client went away: Next.js cancels the body, and no more chunks are made.
      if (timer !== undefined) clearTimeout(timer)
      recorder.mark({
        type: EVENTS.streamCancelled,
        label: 'Stream cancelled: the client left',
        lane,
        phase: 'end',
        outcome: 'error',
        detail: `after ${sent} of ${chunks} chunks`,
      })
    },
  })
}
