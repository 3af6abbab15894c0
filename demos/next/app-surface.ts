import { after } from 'next/server'
import { EVENTS, LANES, type RunRecorder } from '../engine'
import { demoOperations, type DemoOperations } from '../operations'
import type { AppSurfaceName } from '../scenarios'
import type { BodyEnd } from './run-body'

/** What a page, Server Action or middleware demo calls: the rule's operations but `json`, which only a Route Handler answers with. */
export type AppSurfaceOperations = Omit<DemoOperations, 'json'>

export function appSurfaceOperations(recorder: RunRecorder, name: AppSurfaceName): AppSurfaceOperations {
  const { updateDatabase, logUserAction, logError } = demoOperations(recorder, name, recorder.run.params as { work: number; effect: number })
  return { updateDatabase, logUserAction, logError }
}

/**
 * How a surface's own code ends on the timeline (`what`: "Server Action",
 * "Page component"), its response's sending recorded through after().
 */
export const appSurfaceEnd = (what: string): BodyEnd<unknown> => ({
  returned: () => ({ type: EVENTS.responseReturned, label: `${what} returned`, lane: LANES.handler, outcome: 'ok', detail: '200' }),
  threw: { type: EVENTS.handlerThrew, label: `${what} threw`, lane: LANES.handler },
  afterResponse: after,
})
