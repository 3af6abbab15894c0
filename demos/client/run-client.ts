import type { ErrorBody } from '../engine/errors'
import type { RunStatus, TimelineEvent } from '../engine/timeline'

/** What the browser saw of one run, on its own clock (ms since it sent the request). */
export interface BrowserTiming {
  firstByte: number
  lastByte: number
}

export interface CompletedRun {
  scenario: string
  runId: string
  status: number
  browser: BrowserTiming
  events: TimelineEvent[]
  end: Exclude<RunStatus, 'running'> | 'stream-lifetime'
}

/** A failed request, with the server's JSON error when it sent one. */
export class RunRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'RunRequestError'
  }
}

const STREAM_TIMEOUT_MS = 60_000

/**
 * Starts a scenario, times its response with `performance.now()` from request
 * sent to last byte, then collects its timeline from the event stream.
 */
export async function runScenario(
  scenario: string,
  params: Record<string, number>,
  signal?: AbortSignal,
): Promise<CompletedRun> {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))
  const sent = performance.now()
  let response: Response
  try {
    response = await fetch(`/api/demos/${scenario}?${query}`, { method: 'POST', signal, cache: 'no-store' })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new RunRequestError('The demo server could not be reached. Check your connection and try again.')
  }
  const firstByte = performance.now() - sent
  const text = await response.text()
  const lastByte = performance.now() - sent

  if (!response.ok) {
    const body = parseJson<ErrorBody>(text)
    throw new RunRequestError(body?.error.message ?? `The server answered ${response.status}.`, response.status, body?.error.field)
  }
  const runId = response.headers.get('X-Run-Id')
  if (!runId) throw new RunRequestError('The response carried no run id.')

  const { events, end } = await collectEvents(runId, signal)
  return { scenario, runId, status: response.status, browser: { firstByte, lastByte }, events, end }
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}

/** Follows `GET /api/runs/<id>/events` until its end marker. */
export function collectEvents(
  runId: string,
  signal?: AbortSignal,
): Promise<{ events: TimelineEvent[]; end: CompletedRun['end'] }> {
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
      if (!events.some((known) => known.seq === event.seq)) events.push(event)
    })
    source.addEventListener('end', (message) => {
      done()
      const { status } = JSON.parse((message as MessageEvent<string>).data) as { status: CompletedRun['end'] }
      resolve({ events: events.sort((a, b) => a.seq - b.seq), end: status })
    })
    source.onerror = () => {
      // EventSource retries on its own while the connection can come back.
      if (source.readyState === EventSource.CLOSED) fail(new RunRequestError('The timeline stream was refused by the server.'))
    }
  })
}
