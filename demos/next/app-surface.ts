import { after } from 'next/server'
import { EVENTS, LANES, simulate, type RunRecorder } from '../engine'
import { behaviourOperations, type BehaviourOperations } from '../operations'
import type { AppSurfaceName } from '../scenarios'
import type { BodyEnd } from './run-body'

/**
 * What a page, Server Action or middleware demo calls: the rule's operations
 * but `json`, which only a Route Handler answers with, and `sendReceipt`, the
 * failing pages' callback that is never registered.
 */
export interface AppSurfaceOperations extends Pick<BehaviourOperations, 'updateDatabase' | 'logUserAction' | 'logError' | 'sendReceipt' | 'recordMetrics' | 'logPageView'> {
  /** A slow part of a page, streamed behind a Suspense boundary: it takes `stream` ms to render. */
  loadRecommendations(): Promise<void>
}

export function appSurfaceOperations(recorder: RunRecorder, name: AppSurfaceName): AppSurfaceOperations {
  const { updateDatabase, logUserAction, logError, sendReceipt, recordMetrics, logPageView } = behaviourOperations(recorder, name, recorder.run.params)
  const loadRecommendations = () =>
    recorder.task({ lane: LANES.stream, type: 'work', started: 'Slow part started', finished: 'Slow part rendered' }, () => simulate(recorder.run.params.stream ?? 0))
  return { updateDatabase, logUserAction, logError, sendReceipt, recordMetrics, logPageView, loadRecommendations }
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
