import { caughtErrorResponse } from '../engine/errors'
import { describeRange } from '../engine/params'
import { parseRequest } from '../engine/request-shape'
import { scenarios, type Scenario } from '../scenarios'

/** `GET /api/demos`: every scenario, its endpoint and its parameters, for curl users and clients. */
export function catalogueResponse(request: Request): Response {
  try {
    parseRequest({}, request)
  } catch (error) {
    return caughtErrorResponse(error)
  }
  const list = Object.entries(scenarios as Record<string, Scenario>).map(([name, scenario]) => ({
    name,
    title: scenario.title,
    summary: scenario.summary,
    endpoint: `POST /api/demos/${name}`,
    status: scenario.status ?? 200,
    events: 'GET /api/runs/<runId>/events',
    params: Object.fromEntries(
      Object.entries(scenario.params).map(([key, spec]) => [
        key,
        { label: spec.label, min: spec.min, max: spec.max, default: spec.default, allowed: describeRange(spec) },
      ]),
    ),
  }))
  return Response.json({ scenarios: list }, { headers: { 'Cache-Control': 'public, max-age=300' } })
}
