import { RunRequestError } from './run-error'

/**
 * Gives the visitor a fresh demo cookie before a request-context run, so its
 * callbacks have one to read. The cookie is HttpOnly: its value comes back in
 * the body, for the page to show.
 */
export async function setDemoCookie(signal: AbortSignal): Promise<string> {
  const response = await fetch('/api/demo-cookie', { method: 'POST', signal })
  if (!response.ok) throw new RunRequestError(`Setting the demo cookie failed (HTTP ${response.status}).`)
  return ((await response.json()) as { value: string }).value
}
