import { redirect } from 'next/navigation'
import { after } from 'next/server'
import { admitChecked, httpRunRequest, invalidParameter, readQueryString, withErrorResponse } from '../admission'
import { COMPOSE, compositionEvent, composedOperations, describeError, interpret, parseComposition, totalMs, type Step } from '../compose'
import { withBodySentMarker } from './body-sent'
import { routeEnd, versioned } from './demo-route'
import { runBody, type BodyEnd } from './run-body'

/**
 * How the composed handler ends on its run's timeline: as every Route Handler's, except that the run's "response
 * sent" marker is registered before the handler runs (see composeRoute), not last.
 */
const composedEnd: BodyEnd<Response> = { ...routeEnd, afterResponse: () => {} }

/** The composition in `?steps=`, read and checked before any run exists: a bad one is a 400 naming the step at fault. */
function readSteps(query: string): Step[] {
  const text = readQueryString(query, ['steps']).get('steps') ?? ''
  const parsed = parseComposition(text)
  if ('error' in parsed) throw invalidParameter('steps', describeError(parsed.error), parsed.error.allowed)
  return parsed.steps
}

/**
 * `POST /api/demos/compose?steps=…`: runs a visitor's composed Route Handler
 * through the interpreter, with the real `after()` and `redirect()`, admitted,
 * recorded and measured like every demo route.
 */
export const composeRoute = withErrorResponse(async (request: Request): Promise<Response> => {
  const runRequest = httpRunRequest(request)
  const steps = readSteps(runRequest.query)
  const recorder = await admitChecked(COMPOSE, { steps: steps.length, totalMs: totalMs(steps) }, runRequest)
  recorder.mark(compositionEvent(steps))
  const runtime = { ...composedOperations(recorder), after, redirect }
  // The composed callbacks must start as they would in the visitor's own app, with nothing of the site's queued among
  // them: Next.js starts an after() registered inside a callback only once every callback queued before it has
  // started, so a marker registered last would start ahead of a nested-first callback (the equivalence test,
  // tests/integration/compose-equivalence.test.ts, caught it). Registered first, it runs first and is out of the way.
  after(() => recorder.markResponseSent())
  return runBody(
    recorder,
    async () => {
      const response = versioned(withBodySentMarker(recorder, await interpret(steps, runtime)))
      response.headers.set('X-Run-Id', recorder.id)
      response.headers.set('Cache-Control', 'no-store')
      return response
    },
    composedEnd,
  )
})
