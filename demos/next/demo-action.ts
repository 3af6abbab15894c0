import { headers } from 'next/headers'
import { after } from 'next/server'
import { asDemoError, errorBody, type ErrorBody } from '../engine/errors'
import { parseParams } from '../engine/params'
import { readQueryString } from '../engine/request-shape'
import type { RunRecorder } from '../engine/recorder'
import { demoOperations, type DemoOperations } from '../operations'
import { runBody, type BodyEnd } from '../run-body'
import { demoRuntime } from '../runtime'
import { appSurfaces, type AppSurfaceName } from '../scenarios/surfaces'
import { clientKey, startRun } from '../start-run'

export type SurfaceOperations = Omit<DemoOperations, 'json'>

export function surfaceOperations(recorder: RunRecorder, name: AppSurfaceName): SurfaceOperations {
  const { updateDatabase, logUserAction, logError } = demoOperations(recorder, name, recorder.run.params as { work: number; effect: number })
  return { updateDatabase, logUserAction, logError }
}

/**
 * Admits a run of an App Router surface: the parameters come from a query
 * string, checked like a Route Handler's, the client from the request headers.
 */
export async function startSurfaceRun(name: AppSurfaceName, query: string): Promise<RunRecorder> {
  const specs = appSurfaces[name].params
  const params = parseParams(specs, readQueryString(query, Object.keys(specs)))
  return startRun(demoRuntime(), name, params, clientKey(await headers()))
}

/**
 * How a surface's own code ends on the timeline (`what`: "Server Action",
 * "Page component"), its response's sending recorded through after().
 */
export const surfaceEnd = (what: string): BodyEnd<unknown> => ({
  returned: () => ({ type: 'response.returned', label: `${what} returned`, lane: 'Handler', outcome: 'ok', detail: '200' }),
  threw: { type: 'handler.threw', label: `${what} threw`, lane: 'Handler' },
  afterResponse: after,
})

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
      recorder = await startSurfaceRun(name, String(query))
    } catch (error) {
      return errorBody(asDemoError(error))
    }
    const result = await runBody(recorder, () => body(surfaceOperations(recorder, name)), surfaceEnd('Server Action'))
    return { runId: recorder.id, ...result }
  }
}
