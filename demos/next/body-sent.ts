import { EVENTS, LANES, type RunRecorder } from '../engine'

/**
 * The response with its body passed through a stream that records
 * `response.body-sent` when Next.js has read the body's last chunk: the
 * moment the handler's response left the handler's hands, observed on the
 * body itself rather than inferred from when after() callbacks ran. A
 * response without a body (a redirect, say) comes back unchanged; a client
 * that leaves before the end leaves no such event.
 */
export function withBodySentMarker(recorder: RunRecorder, response: Response): Response {
  if (response.body === null) return response
  const marker = new TransformStream<Uint8Array, Uint8Array>({
    flush() {
      recorder.mark({ type: EVENTS.responseBodySent, label: 'Body handed to Next.js (last byte)', lane: LANES.handler, phase: 'instant' })
    },
  })
  return new Response(response.body.pipeThrough(marker), response)
}
