import type { ErrorBody } from '../admission'

/** A failed request, with the server's JSON error when it sent one. */
export class RunRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'RunRequestError'
  }
}

/** The error to show for a response that started no run: the server's JSON message when it sent one. */
export function refusal(response: Response, text: string, fallback = `The server answered ${response.status}.`): RunRequestError {
  const body = parseJson<ErrorBody>(text)
  return new RunRequestError(body?.error?.message ?? fallback, response.status, body?.error?.field)
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}
