import { after } from 'next/server'
import { caughtErrorResponse, invalidParameter } from '../engine/errors'
import type { RunRecorder } from '../engine/recorder'
import { parseRequest } from '../engine/request-shape'
import { RUN_REF_PATTERN, type Params } from '../engine/run-store'
import { demoOperations, type DemoOperations } from '../operations'
import { withBodySentMarker } from '../body-sent'
import { runBody } from '../run-body'
import { demoRuntime } from '../runtime'
import { scenarios, type ScenarioName } from '../scenarios'
import { clientKey, startRun } from '../start-run'

export type DemoHandler<O = DemoOperations> = (request: Request, operations: O) => Promise<Response>

/** Builds the operations a route's handler receives, bound to its run. */
export type OperationsFactory<O> = (recorder: RunRecorder, scenario: string, params: Params) => O

// Every parameter goes through, so the response echoes all of them (`limit`, say), not only work and effect.
const ruleOperations: OperationsFactory<DemoOperations> = (recorder, scenario, params) =>
  demoOperations(recorder, scenario, { ...params, work: params.work ?? 0 })

/** The optional `X-Run-Ref` header: checked before a run exists, so a bad one leaves nothing behind. */
function readRunRef(headers: Headers): string | undefined {
  const ref = headers.get('x-run-ref')
  if (ref === null) return undefined
  if (!RUN_REF_PATTERN.test(ref)) {
    throw invalidParameter('X-Run-Ref', 'X-Run-Ref must be 22 characters of A-Z, a-z, 0-9, "-" and "_".', '22 URL-safe characters')
  }
  return ref
}

/**
 * Turns a demo handler into a Route Handler: validates the request, admits the
 * run, gives the handler its recorded operations, and marks when the response
 * was returned and when it was sent. Everything a reader should see stays in
 * the route file; the measuring lives here.
 */
export function demoRoute<O = DemoOperations>(name: ScenarioName, handler: DemoHandler<O>, operations?: OperationsFactory<O>) {
  // Without a factory O is DemoOperations, the rule's operations.
  const makeOperations = (operations ?? ruleOperations) as OperationsFactory<O>
  return async function POST(request: Request): Promise<Response> {
    let recorder: RunRecorder
    let params
    try {
      params = parseRequest(scenarios[name].params, request)
      const ref = readRunRef(request.headers)
      recorder = startRun(demoRuntime(), name, params, clientKey(request.headers), ref)
    } catch (error) {
      return caughtErrorResponse(error)
    }

    return runBody(recorder, async () => withBodySentMarker(recorder, await handler(request, makeOperations(recorder, name, params))), {
      returned: (response) => ({
        type: 'response.returned',
        label: `Handler returned ${response.status}`,
        lane: 'Handler',
        outcome: response.ok ? 'ok' : 'error',
        detail: String(response.status),
      }),
      threw: { type: 'handler.threw', label: 'Handler threw', lane: 'Handler' },
      afterResponse: after,
    })
  }
}
