import type { Run } from './runs'
import type { RunMessage } from './timeline'

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs: number
  /** The stream closes after this long even if the run is still going. */
  maxLifetimeMs: number
  /** Replay only events after this sequence number (from the `Last-Event-ID` header). */
  afterSeq?: number
  /** Aborts when the client goes away. */
  signal?: AbortSignal
  /** Called exactly once, however the stream ends. */
  onClose?: () => void
  /** Sent first, as `event: server`: what ran the run (its Next.js version, say). EventSource ignores it unless asked. */
  server?: Record<string, unknown>
}

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: a compressing proxy would otherwise hold chunks back.
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  // A finished stream's connection is not kept for reuse (EventSource opens a new one to reconnect):
  // an idle kept-alive socket would hold a SIGTERM drain open for the whole keep-alive timeout.
  Connection: 'close',
} as const

/** One Server-Sent Events frame. */
function formatMessage(message: RunMessage): string {
  if (message.kind === 'event') {
    return `id: ${message.event.seq}\nevent: timeline\ndata: ${JSON.stringify(message.event)}\n\n`
  }
  return `event: end\ndata: ${JSON.stringify({ status: message.status })}\n\n`
}

/**
 * A run's timeline as Server-Sent Events: every recorded event (replay), each
 * new one as it is recorded, then `event: end`. Every timer and listener is
 * released when the run ends, the lifetime runs out, or the client leaves.
 */
export function runEventStream(run: Pick<Run, 'subscribe'>, options: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let cleanup = (): void => {}

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      let unsubscribe = (): void => {}
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), options.heartbeatMs)
      const lifetime = setTimeout(() => {
        send(formatMessage({ kind: 'end', status: 'stream-lifetime' }))
        close()
      }, options.maxLifetimeMs)

      function send(text: string): void {
        if (!closed) controller.enqueue(encoder.encode(text))
      }
      function release(): void {
        if (closed) return
        closed = true
        clearInterval(heartbeat)
        clearTimeout(lifetime)
        unsubscribe()
        options.signal?.removeEventListener('abort', onAbort)
        options.onClose?.()
      }
      function close(): void {
        if (closed) return
        release()
        controller.close()
      }
      function onAbort(): void {
        release()
      }
      cleanup = release

      options.signal?.addEventListener('abort', onAbort)
      send('retry: 2000\n\n')
      if (options.server) send(`event: server\ndata: ${JSON.stringify(options.server)}\n\n`)
      unsubscribe = run.subscribe((message) => {
        send(formatMessage(message))
        if (message.kind === 'end') close()
      }, options.afterSeq)
      if (options.signal?.aborted) release()
    },
    cancel() {
      cleanup()
    },
  })
}
