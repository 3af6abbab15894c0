import { invalidParameter as invalid, notFound, parseRequest, serverState, withErrorResponse } from '../admission'
import { RUN_ID_PATTERN, runEventStream, SSE_HEADERS } from '../engine'
import { nextVersion, runVersions, VERSION_HEADER } from '../versions'

const HEADERS = { ...SSE_HEADERS, [VERSION_HEADER]: nextVersion }

function parseLastEventId(raw: string | null): number {
  if (raw === null || raw === '') return -1
  if (!/^\d{1,6}$/.test(raw)) throw invalid('Last-Event-ID', 'Last-Event-ID must be an event id from this stream.', 'a whole number')
  return Number(raw)
}

/**
 * `GET /api/runs/<runId>/events`: the run's timeline as Server-Sent Events.
 * A HEAD (which Next.js hands to GET) gets the same status and headers but
 * opens no stream: it would hold a stream slot with nobody reading it.
 */
export const runEventsResponse = withErrorResponse((request: Request, runId: string): Response => {
  const state = serverState()
  if (!RUN_ID_PATTERN.test(runId)) {
    throw invalid('runId', 'A run id is 12 characters of A-Z, a-z, 0-9, "-" and "_".', '12 URL-safe characters')
  }
  // An event stream takes no parameters: EventSource sends none, and anything else is refused like any demo input.
  parseRequest({}, request)
  const afterSeq = parseLastEventId(request.headers.get('last-event-id'))
  const run = state.runs.get(runId)
  if (!run) {
    const kept = `${Math.round(state.config.runMaxAgeMs / 1000)} s`
    throw notFound(`Run "${runId}" does not exist; runs are kept for ${kept}.`, { field: 'runId' })
  }
  if (request.method === 'HEAD') return new Response(null, { headers: HEADERS })
  const release = state.streams.acquire()
  const body = runEventStream(run, {
    heartbeatMs: state.config.streamHeartbeatMs,
    maxLifetimeMs: state.config.streamMaxLifetimeMs,
    afterSeq,
    signal: request.signal,
    onClose: release,
    server: { ...runVersions(), node: process.version },
  })
  return new Response(body, { headers: HEADERS })
})

/** The Route Handler of `GET /api/runs/<runId>/events`. */
export async function runEventsRoute(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  return runEventsResponse(request, (await params).runId)
}
