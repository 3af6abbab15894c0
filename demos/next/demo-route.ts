import { after } from 'next/server'
import { admit, httpRunRequest, withErrorResponse } from '../admission'
import { EVENTS, LANES, type Params, type RunRecorder } from '../engine'
import { demoOperations, type DemoOperations } from '../operations'
import type { ScenarioName } from '../scenarios'
import { nextVersion, VERSION_HEADER } from '../versions'
import { withBodySentMarker } from './body-sent'
import { runBody, type BodyEnd } from './run-body'

export type DemoHandler<O = DemoOperations> = (request: Request, operations: O) => Promise<Response>

/** Builds the operations a route's handler receives, bound to its run. */
export type OperationsFactory<O> = (recorder: RunRecorder, scenario: string, params: Params) => O

// Every parameter goes through, so the response echoes all of them (`limit`, say), not only work and effect.
const ruleOperations: OperationsFactory<DemoOperations> = (recorder, scenario, params) =>
  demoOperations(recorder, scenario, { ...params, work: params.work ?? 0 })

/** Names the Next.js that ran the handler; a response of its own (one without a body) is copied first. */
export function versioned(response: Response): Response {
  const named = response.body === null ? new Response(null, response) : response
  named.headers.set(VERSION_HEADER, nextVersion)
  return named
}

/** How a Route Handler's body ends on its run's timeline. */
export const routeEnd: BodyEnd<Response> = {
  returned: (response) => ({
    type: EVENTS.responseReturned,
    label: `Handler returned ${response.status}`,
    lane: LANES.handler,
    outcome: response.ok ? 'ok' : 'error',
    detail: String(response.status),
  }),
  threw: { type: EVENTS.handlerThrew, label: 'Handler threw', lane: LANES.handler },
  afterResponse: after,
}

/** Admits a Route Handler's run; a refusal is its JSON error response. */
const admitRoute = withErrorResponse((name: ScenarioName, request: Request): Promise<RunRecorder | Response> => admit(name, httpRunRequest(request)))

/**
 * Turns a demo handler into a Route Handler: admits the run, gives the
 * handler its recorded operations, and marks when the response was returned
 * and when it was sent. Everything a reader should see stays in the route
 * file; the measuring lives here.
 */
export function demoRoute<O = DemoOperations>(name: ScenarioName, handler: DemoHandler<O>, operations?: OperationsFactory<O>) {
  // Without a factory O is DemoOperations, the rule's operations.
  const makeOperations = (operations ?? ruleOperations) as OperationsFactory<O>
  return async function POST(request: Request): Promise<Response> {
    const recorder = await admitRoute(name, request)
    if (recorder instanceof Response) return recorder
    const ops = makeOperations(recorder, name, recorder.run.params)
    return runBody(recorder, async () => versioned(withBodySentMarker(recorder, await handler(request, ops))), routeEnd)
  }
}
