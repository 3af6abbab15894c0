/**
 * An error a visitor caused or can act on. It becomes a JSON response that
 * names what was wrong and what is allowed.
 */
export class DemoError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field?: string; allowed?: string } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'DemoError'
  }
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; allowed?: string }
}

export function errorResponse(error: DemoError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.details } }
  return Response.json(body, {
    status: error.status,
    headers: { 'Cache-Control': 'no-store', ...error.headers },
  })
}

export const notFound = (what: string, details: { field?: string; allowed?: string } = {}): DemoError =>
  new DemoError(404, 'not_found', `${what} does not exist.`, details)

export const methodNotAllowed = (allow: string): DemoError =>
  new DemoError(405, 'method_not_allowed', `Use ${allow}.`, {}, { Allow: allow })

/** A 400 naming the field at fault and what it accepts. */
export const invalidParameter = (field: string, message: string, allowed: string): DemoError =>
  new DemoError(400, 'invalid_parameter', message, { field, allowed })
