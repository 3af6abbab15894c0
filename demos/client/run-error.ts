import type { ErrorBody } from '../admission'

/** A failed request, with the server's JSON error when it sent one. */
export class RunRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly field?: string,
    /** Seconds the server asked to wait before trying again (`Retry-After` of a 429 or 503). */
    readonly retryAfter?: number,
  ) {
    super(message)
    this.name = 'RunRequestError'
  }
}

/** The error to show for a response that started no run: the server's JSON message when it sent one. */
export function refusal(response: Response, text: string, fallback = `The server answered ${response.status}.`): RunRequestError {
  const body = parseJson<ErrorBody>(text)
  const retryAfter = Number(response.headers.get('Retry-After') ?? NaN)
  return new RunRequestError(body?.error?.message ?? fallback, response.status, body?.error?.field, Number.isFinite(retryAfter) ? retryAfter : undefined)
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}
