import { RUN_REF_PATTERN } from '../engine'
import { addressedHost, carriesBody, DemoError, errorResponse, invalidParameter, MAX_QUERY_LENGTH, payloadTooLarge, serverState } from '../admission'

/**
 * The largest Server Action body a demo takes: a query string of at most
 * MAX_QUERY_LENGTH characters, JSON-encoded (each character at most 6 bytes
 * escaped), a run reference (22 characters), and the brackets, quotes and
 * comma around them.
 */
const MAX_ACTION_BODY_BYTES = 6 * MAX_QUERY_LENGTH + 22 + 11

const refusal = (field: string, message: string, allowed: string): Response => errorResponse(invalidParameter(field, message, allowed))

const ARGUMENTS = 'a JSON array holding the demo’s query string, then optionally a run reference (22 characters of A-Z, a-z, 0-9, "-" and "_")'

/** The demo's query string, then the run reference its caller may look the run up by (`X-Run-Ref` for a Route Handler). */
const demoArguments = (args: unknown): boolean =>
  Array.isArray(args) &&
  (args.length === 1 || (args.length === 2 && typeof args[1] === 'string' && RUN_REF_PATTERN.test(args[1]))) &&
  typeof args[0] === 'string' &&
  // A string starting with "$" is a reference in React's encoding; a query string never starts with one.
  !args[0].startsWith('$')

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

/**
 * Checks a Server Action call before Next.js decodes it, which it answers
 * with a 500 when the body is malformed: a foreign `Origin` (403), a body
 * larger than a demo's arguments (413), and anything but those arguments,
 * as Next.js's client sends them (400).
 * Undefined when the call may go on.
 */
export async function actionRequestResponse(request: Request): Promise<Response | undefined> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return undefined
  const origin = request.headers.get('origin')
  if (origin !== null && originHost(origin) !== addressedHost(request.headers, serverState().config.trustedProxyHops)) {
    return errorResponse(new DemoError(403, 'foreign_origin', 'Server Actions are only called from this site’s own pages.', { field: 'Origin', allowed: 'this site’s origin' }))
  }
  const length = Number(request.headers.get('content-length') ?? NaN)
  if (!carriesBody(request.headers) || !(length <= MAX_ACTION_BODY_BYTES)) {
    // A chunked body declares no length: it is refused rather than read to find out.
    return errorResponse(payloadTooLarge('body', 'A demo’s Server Action takes short arguments, sent with their Content-Length.', `1 to ${MAX_ACTION_BODY_BYTES} bytes`))
  }
  if (!/^text\/plain\b/i.test(request.headers.get('content-type') ?? '')) {
    return refusal('Content-Type', 'A demo’s Server Action takes its argument as text, as Next.js’s client sends it.', 'text/plain')
  }
  let args: unknown
  try {
    args = JSON.parse(await request.text())
  } catch {
    return refusal('body', 'The body is not JSON.', ARGUMENTS)
  }
  if (!demoArguments(args)) return refusal('body', 'A demo’s Server Action takes its query string, then optionally a run reference.', ARGUMENTS)
  return undefined
}
