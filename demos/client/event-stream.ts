import type { StreamEnd, TimelineEvent } from '../engine/timeline'
import { RunRequestError } from './run-error'

const STREAM_TIMEOUT_MS = 60_000

/** What a run's event stream said of it: its timeline, how the stream ended, and the Next.js that ran it. */
export interface CollectedEvents {
  events: TimelineEvent[]
  end: StreamEnd
  nextVersion?: string
}

/**
 * Follows `GET <base>/api/runs/<id>/events` (`base`: the version that ran it, whose server holds the run) until
 * its end marker; `onEvents` gets the events so far, in order, as each arrives, and the version once the stream named it.
 */
export function collectEvents(
  runId: string,
  signal?: AbortSignal,
  onEvents?: (events: TimelineEvent[], nextVersion?: string) => void,
  base = '',
): Promise<CollectedEvents> {
  return new Promise((resolve, reject) => {
    const events: TimelineEvent[] = []
    let nextVersion: string | undefined
    const source = new EventSource(`${base}/api/runs/${encodeURIComponent(runId)}/events`)
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

    source.addEventListener('server', (message) => {
      const reported = (JSON.parse((message as MessageEvent<string>).data) as { nextVersion?: unknown }).nextVersion
      if (typeof reported === 'string') nextVersion = reported
    })
    source.addEventListener('timeline', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as TimelineEvent
      // After a reconnect the server resumes from Last-Event-ID; this guards against a repeat anyway.
      if (events.some((known) => known.seq === event.seq)) return
      events.push(event)
      events.sort((a, b) => a.seq - b.seq)
      onEvents?.([...events], nextVersion)
    })
    source.addEventListener('end', (message) => {
      done()
      const { status } = JSON.parse((message as MessageEvent<string>).data) as { status: StreamEnd }
      resolve({ events, end: status, nextVersion })
    })
    source.onerror = () => {
      // EventSource retries on its own while the connection can come back.
      if (source.readyState === EventSource.CLOSED) fail(new RunRequestError('The timeline stream was refused by the server.'))
    }
  })
}
