import { StoreUnavailableError } from '../engine/run-backend'

/**
 * Marks a DemoError whichever copy of this module made it. Middleware and the
 * app are bundled apart, each with its own DemoError class, yet they share one
 * server state (rate limiter, gauges) through globalThis: either may throw what the
 * other catches, and a plain `instanceof` would turn a 429 into a 500.
 */
const BRAND = Symbol.for('after-guide.demo-error')

/**
 * An error a visitor caused or can act on. It becomes a JSON response that
 * names what was wrong and what is allowed.
 */
export class DemoError extends Error {
  readonly [BRAND] = true

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && BRAND in value
  }

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

export const errorBody = (error: DemoError): ErrorBody => ({ error: { code: error.code, message: error.message, ...error.details } })

export function errorResponse(error: DemoError): Response {
  return Response.json(errorBody(error), {
    status: error.status,
    headers: { 'Cache-Control': 'no-store', ...error.headers },
  })
}

/**
 * What an error boundary caught, as the DemoError it must be. Anything else is
 * a bug, not a visitor's mistake: it is thrown on unchanged, and Next.js answers 500.
 */
export function asDemoError(error: unknown): DemoError {
  if (error instanceof DemoError) return error
  if (error instanceof StoreUnavailableError) return storeUnavailable(error)
  throw error
}

/** A 503 while the run store (Redis) cannot be reached: the cause is named, and the client retries by itself. */
const storeUnavailable = (error: StoreUnavailableError): DemoError =>
  new DemoError(503, 'store_unavailable', `${error.message} Retry in 2 s.`, {}, { 'Retry-After': '2' })

/** The JSON error response for what an error boundary caught (see `asDemoError`). */
export const caughtErrorResponse = (error: unknown): Response => errorResponse(asDemoError(error))

export const notFound = (message: string, details: { field?: string; allowed?: string } = {}): DemoError =>
  new DemoError(404, 'not_found', message, details)

/** A 503: the server is at one of its limits; `message` says which and when to retry. */
export const busy = (message: string, retryAfterSeconds: number): DemoError =>
  new DemoError(503, 'busy', message, {}, { 'Retry-After': String(retryAfterSeconds) })

export const methodNotAllowed = (allow: string): DemoError =>
  new DemoError(405, 'method_not_allowed', `Use ${allow}.`, {}, { Allow: allow })

/** A 400 naming the field at fault and what it accepts. */
export const invalidParameter = (field: string, message: string, allowed: string): DemoError =>
  new DemoError(400, 'invalid_parameter', message, { field, allowed })

/** A 431: the request header `field` is longer than `allowed`. */
export const headerTooLarge = (field: string, message: string, allowed: string): DemoError =>
  new DemoError(431, 'header_too_large', message, { field, allowed })

/** A 413: the request carries a body larger than `field` accepts (`allowed` says how large). */
export const payloadTooLarge = (field: string, message: string, allowed: string): DemoError =>
  new DemoError(413, 'payload_too_large', message, { field, allowed })
