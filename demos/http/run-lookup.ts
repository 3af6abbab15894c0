import { DemoError, errorResponse } from '../engine/errors'
import { RUN_REF_PATTERN } from '../engine/run-store'
import type { DemoRuntime } from '../runtime'

/**
 * `GET /api/runs?ref=<ref>`: the id of the run the server created for a
 * client reference (`X-Run-Ref`). A client needs it when the scenario's own
 * response could not carry `X-Run-Id`: Next.js's bare 500 after a throw, or a
 * redirect. A request that was refused created no run, so it finds none.
 */
export function runLookupResponse(runtime: DemoRuntime, request: Request): Response {
  try {
    const query = new URL(request.url).searchParams
    const unknown = [...query.keys()].find((key) => key !== 'ref')
    if (unknown !== undefined) {
      throw new DemoError(400, 'invalid_parameter', `Unknown parameter "${unknown.slice(0, 64)}".`, { field: unknown.slice(0, 64), allowed: 'ref' })
    }
    const refs = query.getAll('ref')
    if (refs.length !== 1 || !RUN_REF_PATTERN.test(refs[0]!)) {
      throw new DemoError(400, 'invalid_parameter', 'Give one "ref": the X-Run-Ref the run was started with.', {
        field: 'ref',
        allowed: '22 URL-safe characters',
      })
    }
    const run = runtime.store.findByRef(refs[0]!)
    if (!run) throw new DemoError(404, 'not_found', 'No run was started with this reference.', { field: 'ref' })
    return Response.json({ runId: run.id, scenario: run.scenario }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (error instanceof DemoError) return errorResponse(error)
    throw error
  }
}
