import type { BrowserTiming, RunOptions } from './run'
import { RunRequestError } from './run-error'

/** A response read to its end (or to the visitor's stop), timed on the browser's clock from the moment it was sent. */
export interface TimedResponse {
  response: Response
  text: string
  timing: BrowserTiming
}

/**
 * Sends one demo request and reads its body, timed with `performance.now()`
 * from request sent to first and last byte. `stop` hangs up mid-body and the
 * timing ends there; `signal` aborts everything. `unreachable` is what the
 * visitor reads when the request never got an answer. `leaveWhen` hangs up
 * as soon as the body read so far satisfies it, as a visitor who leaves.
 */
export async function timedRequest(
  url: string,
  init: RequestInit,
  options: RunOptions,
  unreachable: string,
  leaveWhen?: (text: string) => boolean,
): Promise<TimedResponse> {
  const { signal, stop } = options
  const request = new AbortController()
  const abortRequest = () => request.abort()
  signal?.addEventListener('abort', abortRequest)
  stop?.addEventListener('abort', abortRequest)
  // A signal aborted already never fires its event.
  if (signal?.aborted || stop?.aborted) abortRequest()
  const sent = performance.now()
  try {
    let response: Response
    try {
      response = await fetch(url, { ...init, signal: request.signal, cache: 'no-store' })
    } catch (error) {
      if (signal?.aborted) throw error
      if (stop?.aborted) throw new RunRequestError('The run was stopped before the server answered.')
      throw new RunRequestError(unreachable)
    }
    const firstByte = performance.now() - sent
    const leave = (sofar: string): boolean => {
      if (!leaveWhen?.(sofar)) return false
      abortRequest()
      return true
    }
    const { text, stopped } = await readBody(response, stop, leave)
    const lastByte = performance.now() - sent
    return { response, text, timing: { firstByte, lastByte, ...(stopped ? { stopped } : {}) } }
  } finally {
    signal?.removeEventListener('abort', abortRequest)
    stop?.removeEventListener('abort', abortRequest)
  }
}

/** Reads the body to its end, or to the moment the visitor stopped it or `leave` said to. */
async function readBody(response: Response, stop?: AbortSignal, leave?: (text: string) => boolean): Promise<{ text: string; stopped: boolean }> {
  if (!response.body) return { text: '', stopped: false }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return { text: text + decoder.decode(), stopped: false }
      text += decoder.decode(value, { stream: true })
      if (leave?.(text)) return { text, stopped: true }
    }
  } catch (error) {
    if (stop?.aborted) return { text, stopped: true }
    throw error
  }
}
