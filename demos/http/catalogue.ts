import { parseRequest, withErrorResponse } from '../admission'
import { CALL_STYLES, LIMITS, SIDE_EFFECTS, STEP_SYNTAX } from '../compose'
import { describeRange, scenarios, type Scenario } from '../scenarios'
import { next16Url, next16Version, servedVersion } from '../versions'

// The scenarios are fixed when the module loads, so the list is built once, not per request.
const catalogue = {
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
  // The playground's composed Route Handler: its steps in one parameter, in a syntax of their own.
  compose: {
    endpoint: 'POST /api/demos/compose?steps=<composition>',
    events: 'GET /api/runs/<runId>/events',
    example: 'work:50,after:audit-log:800,await:email:200,void:analytics:300',
    syntax: STEP_SYNTAX,
    sideEffects: Object.keys(SIDE_EFFECTS),
    callStyles: CALL_STYLES,
    limits: LIMITS,
    code: 'GET /api/demos/compose/code?steps=<composition>',
    page: '/playground',
  },
}

/**
 * `GET /api/demos`: every scenario, its endpoint and its parameters, for curl
 * users and clients; and `versions`, the Next.js versions that serve them:
 * this server's, then the Next.js 16 demo server's when the site reaches one.
 * Each version's `base` is the path prefix of its endpoints on this origin.
 */
export const catalogueResponse = withErrorResponse(async (request: Request): Promise<Response> => {
  parseRequest({}, request)
  const peer = await next16Version()
  const versions = peer ? [servedVersion(), peer] : [servedVersion()]
  // A list still missing the Next.js 16 server is not kept: it may answer by the next request.
  const cacheControl = peer || !next16Url() ? 'public, max-age=300' : 'no-store'
  return new Response(JSON.stringify({ versions, ...catalogue }), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': cacheControl },
  })
})
