import { carriesBody, errorResponse, invalidParameter, methodNotAllowed, payloadTooLarge } from '../admission'
import { scenarios } from '../scenarios'
import { unknownScenarioResponse } from './not-found'

/**
 * The methods each public API path accepts. Next.js answers an unexported
 * method with a bare 405 and no `Allow` header; this table lets the
 * middleware give a JSON error that says what to use instead.
 */
const API_METHODS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/api\/demos\/?$/, 'GET'],
  [/^\/api\/health\/?$/, 'GET'],
  [/^\/api\/demos\/[^/]+\/?$/, 'POST'],
  [/^\/api\/demos\/compose\/code\/?$/, 'GET'],
  [/^\/api\/serverless\/?$/, 'POST'],
  [/^\/api\/serverless\/[^/]+\/?$/, 'POST'],
  [/^\/api\/runs\/[^/]+\/events\/?$/, 'GET'],
  [/^\/api\/runs\/?$/, 'GET'],
  [/^\/api\/runs\/[^/]+\/receipt\/?$/, 'POST'],
  [/^\/api\/demo-cookie\/?$/, 'POST'],
  [/^\/api\/static-record\/?$/, 'GET'],
  [/^\/api\/pages-router-after\/?$/, 'POST'],
]

const SCENARIO_PATH = /^\/api\/demos\/([^/]+)\/?$/

/**
 * A 405 response when `method` is not accepted at `pathname`, otherwise
 * undefined. HEAD goes wherever GET does (RFC 9110 §9.1), so monitors can
 * probe with it. An unknown scenario gets its 404 whatever the method (a POST
 * reaches the `[scenario]` route, which answers the same): being told to use
 * POST on a scenario that does not exist would only lead to a second error.
 */
export function methodNotAllowedResponse(pathname: string, method: string): Response | undefined {
  const scenario = SCENARIO_PATH.exec(pathname)?.[1]
  if (method !== 'POST' && scenario !== undefined && !Object.hasOwn(scenarios, decodeSegment(scenario))) return unknownScenarioResponse()
  const entry = API_METHODS.find(([pattern]) => pattern.test(pathname))
  if (!entry) return undefined
  const allowed = entry[1] === 'GET' ? ['GET', 'HEAD'] : [entry[1]]
  if (allowed.includes(method)) return undefined
  return errorResponse(methodNotAllowed(allowed.join(', ')))
}

/** A path segment as Next.js routes it; a malformed escape is left as it is (and matches no scenario). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * Pages answer GET and HEAD. A POST to a page is only meant as a Server
 * Action call, which carries a `Next-Action` header; any other write would go
 * on to Next.js's form-action handling, which answers a malformed body with a
 * 500, so it is refused here.
 */
export function pageMethodNotAllowedResponse(method: string, headers: Headers): Response | undefined {
  if (method === 'GET' || method === 'HEAD') return undefined
  if (method === 'POST' && headers.has('next-action')) return undefined
  return errorResponse(methodNotAllowed('GET, HEAD'))
}

/**
 * A form post to an API path. No endpoint here reads a body, and a path that
 * Next.js resolves to no route (`/api/runs/%2e%2e/events`, say) ends at the
 * App Router not-found page, whose form-action handling answers a body it
 * cannot parse with a 500; so a form body is refused before routing.
 */
export function formBodyResponse(method: string, headers: Headers): Response | undefined {
  const type = headers.get('content-type')?.toLowerCase() ?? ''
  if (method !== 'POST' || headers.has('next-action')) return undefined
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded')) return undefined
  return errorResponse(invalidParameter('body', 'This endpoint reads no request body; send the parameters in the query string.', 'no body'))
}

/**
 * A body sent to the Pages Router API route. Next.js parses a Pages API
 * route's JSON body (up to 1 MB) before its handler runs; the route turns
 * that off (`bodyParser: false`) and reads none, and any body is refused here
 * before Next.js sees it.
 */
export function pagesApiBodyResponse(pathname: string, headers: Headers): Response | undefined {
  if (!/^\/api\/pages-router-after\/?$/.test(pathname) || !carriesBody(headers)) return undefined
  return errorResponse(payloadTooLarge('body', 'This endpoint reads no request body.', 'no body'))
}
