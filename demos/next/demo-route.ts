import { after } from 'next/server'
import { DemoError, errorResponse } from '../engine/errors'
import type { RunRecorder } from '../engine/recorder'
import { parseRequest } from '../engine/request-shape'
import { demoOperations, type DemoOperations } from '../operations'
import { demoRuntime } from '../runtime'
import { scenarios, type ScenarioName } from '../scenarios'
import { clientKey, startRun } from '../start-run'

export type DemoHandler = (request: Request, operations: DemoOperations) => Promise<Response>

/**
 * Turns a demo handler into a Route Handler: validates the request, admits the
 * run, gives the handler its recorded operations, and marks when the response
 * was returned and when it was sent. Everything a reader should see stays in
 * the route file; the measuring lives here.
 */
export function demoRoute(name: ScenarioName, handler: DemoHandler) {
  return async function POST(request: Request): Promise<Response> {
    let recorder: RunRecorder
    let params
    try {
      params = parseRequest(scenarios[name].params, request)
      recorder = startRun(demoRuntime(), name, params, clientKey(request.headers))
    } catch (error) {
      if (error instanceof DemoError) return errorResponse(error)
      throw error
    }

    try {
      const response = await handler(request, demoOperations(recorder, name, params))
      recorder.mark({
        type: 'response.returned',
        label: `Handler returned ${response.status}`,
        lane: 'Handler',
        phase: 'end',
        outcome: response.ok ? 'ok' : 'error',
        detail: String(response.status),
      })
      return response
    } catch (error) {
      recorder.mark({
        type: 'handler.threw',
        label: 'Handler threw',
        lane: 'Handler',
        phase: 'end',
        outcome: 'error',
        detail: error instanceof Error ? error.message : String(error),
      })
      throw error
    } finally {
      // Registered last, so the route's own after() callbacks start first.
      // Next.js runs after() callbacks once the response has been sent, which
      // makes this the server's record of that moment.
      after(() => recorder.markResponseSent())
    }
  }
}
