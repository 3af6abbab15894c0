import { invalidParameter as invalid } from './errors'
import type { ParamSpecs, ParamValues } from '../scenarios'
import { checkKeys, parseParams } from './params'

/**
 * The longest query string a demo accepts. The longest valid one
 * (`?work=2000&effect=10000` and the like) is far shorter; anything longer is
 * junk that would otherwise be parsed and echoed in an error.
 */
export const MAX_QUERY_LENGTH = 256

/** Whether a request declares a body: a length other than 0, or a chunked one. */
export function carriesBody(headers: Headers): boolean {
  const length = headers.get('content-length')
  return (length !== null && length.trim() !== '0') || headers.get('transfer-encoding') !== null
}

/**
 * The demos read no request body, so one is refused before anything else
 * happens: nobody can make the server buffer an upload it will never use.
 * A declared length of 0 (what fetch sends for a bodiless POST) is fine.
 */
export function rejectBody(headers: Headers): void {
  if (carriesBody(headers)) {
    throw invalid('body', 'This endpoint reads no request body; send the parameters in the query string.', 'no body')
  }
}

/**
 * A demo's query string (`?work=50&effect=1000`, the `?` optional), bounded,
 * with only the parameters in `known`, each at most once. The query check of
 * every demo, whether the string came in a URL or as a Server Action argument.
 */
export function readQueryString(search: string, known: readonly string[]): URLSearchParams {
  const text = search.replace(/^\?/, '')
  if (text.length > MAX_QUERY_LENGTH) {
    throw invalid('query', `The query string is ${text.length} characters long.`, `at most ${MAX_QUERY_LENGTH} characters`)
  }
  const query = new URLSearchParams(text)
  checkKeys(query, known)
  return query
}

/** The one validation path of every demo endpoint: no body, then `readQueryString`. */
export function readQuery(request: Request, known: readonly string[]): URLSearchParams {
  rejectBody(request.headers)
  return readQueryString(new URL(request.url).search, known)
}

/** A scenario's request: `readQuery`, then each declared parameter in range. */
export function parseRequest<S extends ParamSpecs>(specs: S, request: Request): ParamValues<S> {
  return parseParams(specs, readQuery(request, Object.keys(specs)))
}
