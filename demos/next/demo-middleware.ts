import { after, NextResponse, type NextFetchEvent, type NextRequest } from 'next/server'
import { admit, admitLater, checkRunRequest, httpRunRequest, serverState, withErrorResponse } from '../admission'
import { EVENTS, LANES, type RunRecorder } from '../engine'
import { appSurfaceAt, appSurfaces, type AppSurfaceName } from '../scenarios'
import { basePath, CACHE_COMPONENTS_BASE, nextVersion, VERSION_HEADER } from '../versions'
import { appSurfaceOperations, type AppSurfaceOperations } from './app-surface'
import { keepAdmission, keepRecorder, RUN_HEADER } from './live-recorders'
import { runBody } from './run-body'

export interface MiddlewareOperations extends AppSurfaceOperations {
  /** Lets the request go on to the page, which continues this run. */
  next(): NextResponse
}

/** What middleware may do with its NextFetchEvent here: keep a promise alive past its response. */
export type MiddlewareEvent = Pick<NextFetchEvent, 'waitUntil'>

export type DemoMiddleware = (request: NextRequest, operations: MiddlewareOperations, event: MiddlewareEvent) => Promise<NextResponse>

/**
 * Admits a run of the middleware demo and keeps it for the page behind; a
 * refusal is the JSON error response, and leaves no run.
 */
const admitInMiddleware = withErrorResponse(async (request: NextRequest): Promise<RunRecorder> => {
  const recorder = await admit('middleware', httpRunRequest(request))
  keepRecorder(recorder, serverState().config.pageClaimMs, request.signal)
  return recorder
})

/** Admits a page's run, to start as the page renders; the ticket its page claims it with, or the refusal. */
const admitPage = withErrorResponse(
  async (name: AppSurfaceName, request: NextRequest): Promise<string> =>
    keepAdmission(await admitLater(name, httpRunRequest(request)), serverState().config.maxRunsInFlight, request.signal),
)

/** The 400 for a demo page's query that is out of bounds, if it is. */
const queryError = withErrorResponse((name: AppSurfaceName, request: NextRequest): undefined => void checkRunRequest(name, httpRunRequest(request)))

/**
 * Turns a demo middleware into one that records a run: it admits the run,
 * marks when the middleware returned, and hands the run to the page behind it.
 */
export function demoMiddleware(handler: DemoMiddleware) {
  return async function middleware(request: NextRequest, event: MiddlewareEvent): Promise<Response> {
    const recorder = await admitInMiddleware(request)
    if (recorder instanceof Response) return recorder
    recorder.mark({ type: EVENTS.middlewareStarted, label: 'Middleware started', lane: LANES.middleware, phase: 'start' })
    let handedOver = false
    const operations: MiddlewareOperations = {
      ...appSurfaceOperations(recorder, 'middleware'),
      next() {
        handedOver = true
        return handOver(request, recorder.id)
      },
    }
    return runBody(recorder, () => handler(request, operations, event), {
      returned: () => ({ type: EVENTS.middlewareReturned, label: 'Middleware returned', lane: LANES.middleware, outcome: 'ok' }),
      threw: { type: EVENTS.middlewareThrew, label: 'Middleware threw', lane: LANES.middleware },
      afterResponse: after,
      // The page behind it marks the response sent; any other answer ends the run here.
      continuesRun: () => handedOver,
    })
  }
}

/**
 * Lets the request go on to the page with the run's id (or its admission's
 * ticket) in RUN_HEADER. Always set here, over whatever the visitor sent, so a
 * page only ever continues a run its own middleware admitted.
 */
function handOver(request: NextRequest, value: string): NextResponse {
  const forwarded = new Headers(request.headers)
  forwarded.set(RUN_HEADER, value)
  const response = NextResponse.next({ request: { headers: forwarded } })
  response.headers.set(VERSION_HEADER, nextVersion)
  return response
}

/**
 * Checks a demo page's query before the page runs and, for a page that
 * records a run when it renders, admits that run here and hands the page its
 * admission: a page has already sent its 200 when it renders, so only
 * middleware can answer a bad parameter (400), the rate limit (429) or a full
 * server (503) with its status code. The run itself starts when the page
 * renders (`demoPage`), so a request whose page never renders holds no slot.
 */
export async function demoPageRequest(request: NextRequest): Promise<Response | undefined> {
  const name = appSurfaceAt(request.nextUrl.pathname, basePath === CACHE_COMPONENTS_BASE)
  if (!name || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined
  if (appSurfaces[name].runStarts !== 'render') return queryError(name, request)
  const ticket = await admitPage(name, request)
  return ticket instanceof Response ? ticket : handOver(request, ticket)
}
