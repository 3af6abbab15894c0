import { parseRequest, withErrorResponse } from '../admission'
import { describeRange, scenarios, type Scenario } from '../scenarios'

// The scenarios are fixed when the module loads, so the list is written once, not per request.
const catalogueJson = JSON.stringify({
  scenarios: Object.entries(scenarios as Record<string, Scenario>).map(([name, scenario]) => ({
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
  })),
})

/** `GET /api/demos`: every scenario, its endpoint and its parameters, for curl users and clients. */
export const catalogueResponse = withErrorResponse((request: Request): Response => {
  parseRequest({}, request)
  return new Response(catalogueJson, {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
  })
})
