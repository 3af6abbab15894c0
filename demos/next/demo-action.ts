import { headers } from 'next/headers'
import { admit, asDemoError, errorBody, type ErrorBody } from '../admission'
import type { RunRecorder } from '../engine'
import type { AppSurfaceName } from '../scenarios'
import { runVersions } from '../versions'
import { appSurfaceEnd, appSurfaceOperations, type AppSurfaceOperations } from './app-surface'
import { runBody } from './run-body'

/** The run the action started, and (from a server, always) the Next.js versions that ran it (`runVersions`). */
export type ActionResult = { runId: string; status: string; nextVersion?: string; serverNextVersion?: string | null } | ErrorBody

/**
 * Turns a demo body into a Server Action. The action takes the demo's query
 * string (`work=50&effect=1000`) and answers with its run id, or with the
 * same JSON error a Route Handler would send. An action that redirects
 * answers nothing its caller can read, so the caller may pass a run
 * reference (what a Route Handler's caller sends as `X-Run-Ref`) and look
 * the run up by it.
 */
export function demoAction(name: AppSurfaceName, body: (operations: AppSurfaceOperations) => Promise<{ status: string }>) {
  return async function action(query: string, ref?: string): Promise<ActionResult> {
    let recorder: RunRecorder
    try {
      const request = new Headers(await headers())
      if (ref !== undefined) request.set('x-run-ref', String(ref))
      recorder = await admit(name, { query: String(query), headers: request })
    } catch (error) {
      return errorBody(asDemoError(error))
    }
    const result = await runBody(recorder, () => body(appSurfaceOperations(recorder, name)), appSurfaceEnd('Server Action'))
    return { runId: recorder.id, ...result, ...runVersions() }
  }
}
