import { caughtErrorResponse } from './errors'

/**
 * The one error boundary of everything that answers HTTP: the handler, with a
 * DemoError it throws (bad input, a limit) answered as its JSON error
 * response. Anything else is a bug and goes on to Next.js, which answers 500.
 * A synchronous handler stays synchronous.
 */
export function withErrorResponse<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R | Response>
export function withErrorResponse<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R | Response
export function withErrorResponse<A extends unknown[], R>(handler: (...args: A) => R | Promise<R>) {
  return (...args: A): R | Response | Promise<R | Response> => {
    try {
      const result = handler(...args)
      return result instanceof Promise ? result.catch(caughtErrorResponse) : result
    } catch (error) {
      return caughtErrorResponse(error)
    }
  }
}
