import type { ErrorBody } from '../admission'
import type { StreamEnd, TimelineEvent } from '../engine/timeline'

/** What the browser saw of one run, on its own clock (ms since it sent the request). */
export interface BrowserTiming {
  firstByte: number
  /** The last byte received, or the moment the visitor stopped the response. */
  lastByte: number
  /** Set when the visitor stopped the response before its end (the fetch was aborted). */
  stopped?: boolean
}

export interface CompletedRun {
  scenario: string
  runId: string
  /** The status the browser got; 0 for a redirect, which fetch may not read (`redirect: 'manual'`). */
  status: number
  /** The response was a redirect (the browser does not follow it, so the timing is the redirect's). */
  redirected?: boolean
  browser: BrowserTiming
  events: TimelineEvent[]
  end: StreamEnd
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

export interface RunOptions {
  /** Aborts the whole run: the request and the timeline stream. */
  signal?: AbortSignal
  /**
   * Stops only the response: the browser hangs up mid-body, as a visitor
   * closing the tab would, and the run's timeline is still collected.
   */
  stop?: AbortSignal
}

const STREAM_TIMEOUT_MS = 60_000

/** 16 random bytes, base64url: the `X-Run-Ref` this browser picks for a run. */
function newRunRef(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** `params` as a query string. */
export const toQuery = (params: Record<string, number>): string =>
  new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])).toString()

/** A response read to its end (or to the visitor's stop), timed on the browser's clock from the moment it was sent. */
export interface TimedResponse {
  response: Response
  text: string
  timing: BrowserTiming
}

/**
 * Sends one demo request and reads its body, timed with `performance.now()`
 * from request sent to first and last byte. `stop` hangs up mid-body and the
 * timing ends there; `signal` aborts everything. `unreachable` is what the
 * visitor reads when the request never got an answer.
 */
export async function timedRequest(url: string, init: RequestInit, options: RunOptions, unreachable: string): Promise<TimedResponse> {
  const { signal, stop } = options
  const request = new AbortController()
  const abortRequest = () => request.abort()
  signal?.addEventListener('abort', abortRequest)
  stop?.addEventListener('abort', abortRequest)
  // A signal aborted already never fires its event.
  if (signal?.aborted || stop?.aborted) abortRequest()
  const sent = performance.now()
  try {
    let response: Response
    try {
      response = await fetch(url, { ...init, signal: request.signal, cache: 'no-store' })
    } catch (error) {
      if (signal?.aborted) throw error
      if (stop?.aborted) throw new RunRequestError('The run was stopped before the server answered.')
      throw new RunRequestError(unreachable)
    }
    const firstByte = performance.now() - sent
    const { text, stopped } = await readBody(response, stop)
    const lastByte = performance.now() - sent
    return { response, text, timing: { firstByte, lastByte, ...(stopped ? { stopped } : {}) } }
  } finally {
    signal?.removeEventListener('abort', abortRequest)
    stop?.removeEventListener('abort', abortRequest)
  }
}

/** Reads the body to its end, or to the moment the visitor stopped it. */
async function readBody(response: Response, stop?: AbortSignal): Promise<{ text: string; stopped: boolean }> {
  if (!response.body) return { text: '', stopped: false }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return { text: text + decoder.decode(), stopped: false }
      text += decoder.decode(value, { stream: true })
    }
  } catch (error) {
    if (stop?.aborted) return { text, stopped: true }
    throw error
  }
}

/** The error to show for a response that started no run: the server's JSON message when it sent one. */
export function refusal(response: Response, text: string, fallback = `The server answered ${response.status}.`): RunRequestError {
  const body = parseJson<ErrorBody>(text)
  return new RunRequestError(body?.error?.message ?? fallback, response.status, body?.error?.field)
}

/**
 * Starts a scenario, times its response, then collects its timeline from the
 * event stream.
 *
 * The run id normally comes back in `X-Run-Id`. A scenario whose handler
 * throws gets Next.js's bare 500, and a redirect has no readable headers, so
 * the request also carries a reference of the browser's choosing, and the
 * id is looked up by it; a request the server refused created no run, and
 * then its JSON error is what the visitor sees.
 */
export async function runScenario(
  scenario: string,
  params: Record<string, number>,
  options: RunOptions = {},
): Promise<CompletedRun> {
  const ref = newRunRef()
  const { response, text, timing } = await timedRequest(
    `/api/demos/${scenario}?${toQuery(params)}`,
    { method: 'POST', redirect: 'manual', headers: { 'X-Run-Ref': ref } },
    options,
    'The demo server could not be reached. Check your connection and try again.',
  )
  const runId = response.headers.get('X-Run-Id') ?? (await lookUpRun(ref, options.signal))
  if (!runId) throw refusal(response, text)
  const redirected = response.type === 'opaqueredirect'
  const { events, end } = await collectEvents(runId, options.signal)
  return { scenario, runId, status: response.status, ...(redirected ? { redirected } : {}), browser: timing, events, end }
}

/** The run the server created for `ref`, or undefined when it refused the request. */
async function lookUpRun(ref: string, signal?: AbortSignal): Promise<string | undefined> {
  const response = await fetch(`/api/runs?ref=${encodeURIComponent(ref)}`, { signal, cache: 'no-store' })
  if (response.status === 404) return undefined
  if (!response.ok) throw new RunRequestError(`Looking up the run failed with ${response.status}.`, response.status)
  return ((await response.json()) as { runId: string }).runId
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
