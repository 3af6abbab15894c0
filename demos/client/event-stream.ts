import type { StreamEnd, TimelineEvent } from '../engine/timeline'
import { RunRequestError } from './run-error'

const STREAM_TIMEOUT_MS = 60_000

/** Follows `GET /api/runs/<id>/events` until its end marker; `onEvents` gets the events so far, in order, as each arrives. */
export function collectEvents(
  runId: string,
  signal?: AbortSignal,
  onEvents?: (events: TimelineEvent[]) => void,
): Promise<{ events: TimelineEvent[]; end: StreamEnd }> {
  return new Promise((resolve, reject) => {
    const events: TimelineEvent[] = []
    const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`)
    const timeout = setTimeout(() => fail(new RunRequestError('The timeline stream did not finish in time.')), STREAM_TIMEOUT_MS)
    const done = () => {
      clearTimeout(timeout)
      source.close()
      signal?.removeEventListener('abort', onAbort)
    }
    const fail = (error: Error) => {
      done()
      reject(error)
    }
    const onAbort = () => fail(new DOMException('Aborted', 'AbortError'))
    signal?.addEventListener('abort', onAbort)

    source.addEventListener('timeline', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as TimelineEvent
      // After a reconnect the server resumes from Last-Event-ID; this guards against a repeat anyway.
      if (events.some((known) => known.seq === event.seq)) return
      events.push(event)
      events.sort((a, b) => a.seq - b.seq)
      onEvents?.([...events])
    })
    source.addEventListener('end', (message) => {
      done()
      const { status } = JSON.parse((message as MessageEvent<string>).data) as { status: StreamEnd }
      resolve({ events, end: status })
    })
    source.onerror = () => {
      // EventSource retries on its own while the connection can come back.
      if (source.readyState === EventSource.CLOSED) fail(new RunRequestError('The timeline stream was refused by the server.'))
    }
  })
}
