import { handlerSteps, runStep, type Runtime } from './steps'
import type { Step } from './types'

/**
 * Runs a composition as its generated handler would: each step through its
 * definition in `steps.ts`, in order, until one answers the response (a
 * stream, or the JSON at the end) or throws (a failing awaited call, a
 * `throw`, a `redirect()`).
 */
export async function interpret(steps: readonly Step[], runtime: Runtime): Promise<Response> {
  for (const step of handlerSteps(steps)) {
    const response = await runStep(step, runtime)
    if (response) return response
  }
  // handlerSteps ends with a step that answers: the stream or the JSON.
  throw new Error('The composition ended without a response.')
}
