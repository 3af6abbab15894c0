import { headers } from 'next/headers'
import { after } from 'next/server'
import { asDemoError, errorBody, type ErrorBody } from '../engine/errors'
import { parseParams } from '../engine/params'
import type { RunRecorder } from '../engine/recorder'
import { demoOperations, type DemoOperations } from '../operations'
import { demoRuntime } from '../runtime'
import { appSurfaces, type AppSurfaceName } from '../scenarios/surfaces'
import { clientKey, startRun } from '../start-run'

/** Longer than an audit-log detail: Next.js error messages run to about 250 characters. */
const MAX_ERROR = 400

export interface SurfaceOperations extends Omit<DemoOperations, 'json'> {
  /** Records a caught error on the timeline, with its message, as text. */
  logError(what: string, error: unknown): void
}

export function surfaceOperations(recorder: RunRecorder, name: AppSurfaceName): SurfaceOperations {
  const { updateDatabase, logUserAction } = demoOperations(recorder, name, recorder.run.params as { work: number; effect: number })
  return {
    updateDatabase,
    logUserAction,
    logError(what, error) {
      const message = error instanceof Error ? error.message : String(error)
      recorder.mark({ type: 'context.threw', label: `${what} threw`, lane: 'Side effect', phase: 'instant', outcome: 'error', detail: message.slice(0, MAX_ERROR) })
    },
  }
}

/** Admits a run of an App Router surface: the parameters come from a query string, the client from the request headers. */
export async function startSurfaceRun(name: AppSurfaceName, query: URLSearchParams): Promise<RunRecorder> {
  const params = parseParams(appSurfaces[name].params, query)
  return startRun(demoRuntime(), name, params, clientKey(await headers()))
}

/**
 * Marks the end of the surface's own code and, through after(), the moment
 * the response has been sent. Registered after the surface's callbacks, so
 * theirs start first.
 */
export function markReturned(recorder: RunRecorder, label: string): void {
  recorder.mark({ type: 'response.returned', label, lane: 'Handler', phase: 'end', outcome: 'ok', detail: '200' })
  after(() => recorder.markResponseSent())
}

export type ActionResult = { runId: string; status: string } | ErrorBody

/**
 * Turns a demo body into a Server Action. The action takes the demo's query
 * string (`work=50&effect=1000`) and answers with its run id, or with the
 * same JSON error a Route Handler would send.
 */
export function demoAction(name: AppSurfaceName, body: (operations: SurfaceOperations) => Promise<{ status: string }>) {
  return async function action(query: string): Promise<ActionResult> {
    let recorder: RunRecorder
    try {
      recorder = await startSurfaceRun(name, new URLSearchParams(String(query).slice(0, 200)))
    } catch (error) {
      return errorBody(asDemoError(error))
    }
    const result = await body(surfaceOperations(recorder, name))
    markReturned(recorder, 'Server Action returned')
    return { runId: recorder.id, ...result }
  }
}
