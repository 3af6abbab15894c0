import { checkRunRequest, clientKey, httpRunRequest, notFound, parseRequest, serverState, withErrorResponse } from '../admission'
import { basePath } from '../versions'
import { supervisor } from './supervisor'

/** The comparison page's three routes: the ones whose difference a freeze shows. */
export const SERVERLESS_SCENARIOS = ['blocking', 'fire-and-forget', 'after'] as const

type ServerlessScenario = (typeof SERVERLESS_SCENARIOS)[number]

const isServerless = (name: string): name is ServerlessScenario => (SERVERLESS_SCENARIOS as readonly string[]).includes(name)

/**
 * `POST /api/serverless/<scenario>?<params>`: the scenario's Route Handler,
 * run as one invocation of the emulated serverless instance. Its input is
 * checked here first, so a bad request is refused (with the JSON error every
 * demo gives) without thawing the instance; the instance admits the run itself,
 * keyed on the visitor this server names in X-Forwarded-For.
 */
export const serverlessResponse = withErrorResponse(async (request: Request, scenario: string): Promise<Response> => {
  if (!isServerless(scenario)) {
    throw notFound('This scenario does not run on the emulated serverless platform.', { field: 'scenario', allowed: SERVERLESS_SCENARIOS.join(', ') })
  }
  checkRunRequest(scenario, httpRunRequest(request))
  const state = serverState()
  const headers = new Headers({
    'X-Forwarded-For': clientKey(request.headers, state.config.trustedProxyHops),
    'Accept-Encoding': 'identity',
  })
  for (const name of ['x-run-ref', 'user-agent']) {
    const value = request.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  const { search } = new URL(request.url)
  return supervisor().invoke(`${basePath}/api/demos/${scenario}${search}`, headers, request.signal)
})

/** The Route Handler of `POST /api/serverless/<scenario>`. */
export async function serverlessRoute(request: Request, { params }: { params: Promise<{ scenario: string }> }): Promise<Response> {
  return serverlessResponse(request, (await params).scenario)
}

/** `POST /api/serverless`: starts the emulated instance ahead of the visitor's first run (a warm instance, frozen), `204`. */
export const warmResponse = withErrorResponse(async (request: Request): Promise<Response> => {
  parseRequest({}, request)
  await supervisor().warm()
  return new Response(null, { status: 204 })
})
