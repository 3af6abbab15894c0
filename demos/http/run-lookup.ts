import { invalidParameter, notFound, readQuery, serverState, withErrorResponse } from '../admission'
import { RUN_REF_PATTERN } from '../engine'

/**
 * `GET /api/runs?ref=<ref>`: the id of the run the server created for a
 * client reference (`X-Run-Ref`). A client needs it when the scenario's own
 * response could not carry `X-Run-Id`: Next.js's bare 500 after a throw, or a
 * redirect. A request that was refused created no run, so it finds none.
 */
export const runLookupResponse = withErrorResponse(async (request: Request): Promise<Response> => {
  const state = serverState()
  const ref = readQuery(request, ['ref']).get('ref')
  if (ref === null || !RUN_REF_PATTERN.test(ref)) {
    throw invalidParameter('ref', 'Give one "ref": the X-Run-Ref the run was started with.', '22 URL-safe characters')
  }
  const run = await state.runs.findByRef(ref)
  if (!run) throw notFound('No run was started with this reference.', { field: 'ref' })
  return Response.json({ runId: run.id, scenario: run.scenario }, { headers: { 'Cache-Control': 'no-store' } })
})
