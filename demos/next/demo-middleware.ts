import { after, NextResponse, type NextRequest } from 'next/server'
import { caughtErrorResponse } from '../engine/errors'
import { parseRequest } from '../engine/request-shape'
import { runBody } from '../run-body'
import { demoRuntime } from '../runtime'
import { appSurfaceAt, appSurfaces } from '../scenarios/surfaces'
import { clientKey, startRun } from '../start-run'
import { surfaceOperations, type SurfaceOperations } from './demo-surface'
import { keepRecorder, RUN_HEADER } from './live-recorders'

export interface MiddlewareOperations extends SurfaceOperations {
  /** Lets the request go on to the page, which continues this run. */
  next(): NextResponse
}

export type DemoMiddleware = (request: NextRequest, operations: MiddlewareOperations) => Promise<NextResponse>

/**
 * Turns a demo middleware into one that records a run: it admits the run,
 * marks when the middleware returned, and hands the run to the page behind it.
 */
export function demoMiddleware(handler: DemoMiddleware) {
  return async function middleware(request: NextRequest): Promise<Response> {
    let recorder
    try {
      const params = parseRequest(appSurfaces.middleware.params, request)
      recorder = startRun(demoRuntime(), 'middleware', params, clientKey(request.headers))
    } catch (error) {
      return caughtErrorResponse(error)
    }
    keepRecorder(recorder)
    recorder.mark({ type: 'middleware.started', label: 'Middleware started', lane: 'Middleware', phase: 'start' })
    const runId = recorder.id
    let handedOver = false
    const operations: MiddlewareOperations = {
      ...surfaceOperations(recorder, 'middleware'),
      next() {
        handedOver = true
        const forwarded = new Headers(request.headers)
        forwarded.set(RUN_HEADER, runId)
        return NextResponse.next({ request: { headers: forwarded } })
      },
    }
    return runBody(recorder, () => handler(request, operations), {
      returned: () => ({ type: 'middleware.returned', label: 'Middleware returned', lane: 'Middleware', outcome: 'ok' }),
      threw: { type: 'middleware.threw', label: 'Middleware threw', lane: 'Middleware' },
      afterResponse: after,
      // The page behind it marks the response sent; any other answer ends the run here.
      continuesRun: () => handedOver,
    })
  }
}

/** A 400 naming the field when a demo page's query is out of bounds, before the page runs. */
export function pageParamsError(request: NextRequest): Response | undefined {
  const name = appSurfaceAt(request.nextUrl.pathname)
  if (!name || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined
  try {
    parseRequest(appSurfaces[name].params, request)
    return undefined
  } catch (error) {
    return caughtErrorResponse(error)
  }
}
