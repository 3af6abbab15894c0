import { clientKey, invalidParameter as invalid, notFound, parseRequest, serverState, withErrorResponse, type ServerState } from '../admission'
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
export const runEventsResponse = withErrorResponse(async (request: Request, runId: string): Promise<Response> => {
  const state = serverState()
  if (!RUN_ID_PATTERN.test(runId)) {
    throw invalid('runId', 'A run id is 12 characters of A-Z, a-z, 0-9, "-" and "_".', '12 URL-safe characters')
  }
  // An event stream takes no parameters: EventSource sends none, and anything else is refused like any demo input.
  parseRequest({}, request)
  const afterSeq = parseLastEventId(request.headers.get('last-event-id'))
  const run = await state.runs.get(runId)
  if (!run) {
    const limits = { maxRuns: state.config.maxRuns, maxAgeMs: state.config.runMaxAgeMs, serverStartedAt: state.startedAt }
    throw notFound(await state.history.whyGone(runId, limits), { field: 'runId' })
  }
  if (request.method === 'HEAD') return new Response(null, { headers: HEADERS })
  const release = await openStream(state, clientKey(request.headers, state.config.trustedProxyHops))
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

/**
 * Takes a stream slot for `client`: the server-wide cap (503), the client's
 * share of it (429), then its rate of opening streams (429). The cap comes
 * first so that a 503 costs no token; whatever refuses gives back what was
 * taken. The returned function gives back the slot and the share.
 */
async function openStream(state: ServerState, client: string): Promise<() => void> {
  const releaseSlot = await state.streams.acquire()
  let releaseShare = (): void => {}
  try {
    releaseShare = await state.streamShare.acquire(client)
    await state.streamRateLimiter.take(client)
  } catch (error) {
    releaseShare()
    releaseSlot()
    throw error
  }
  return () => {
    releaseShare()
    releaseSlot()
  }
}

/** The Route Handler of `GET /api/runs/<runId>/events`. */
export async function runEventsRoute(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  return runEventsResponse(request, (await params).runId)
}
