import type { StreamEnd, TimelineEvent } from '../engine/timeline'

/** What the browser saw of one run, on its own clock (ms since it sent the request). */
export interface BrowserTiming {
  firstByte: number
  /** The last byte received, or the moment the visitor stopped the response. */
  lastByte: number
  /** Set when the visitor stopped the response before its end (the fetch was aborted). */
  stopped?: boolean
}

/** A run the server has started, as the browser saw its response: the timeline is still to be read. */
export interface StartedRun {
  /** The scenario or App Router surface that ran. */
  scenario: string
  runId: string
  /** The status the browser got; 0 where it cannot be read: a redirect not followed (`redirect: 'manual'`), a Server Action's in a browser that keeps no Resource Timing status. */
  status: number
  /** The response was a redirect (the browser does not follow it, so the timing is the redirect's). */
  redirected?: boolean
  browser: BrowserTiming
  /** The Next.js that ran it, as the server reported it (its response's `X-Next-Version`, then its event stream), never the page's guess. */
  nextVersion?: string
  /** The path prefix of the server that ran it (a catalogue `versions` entry's `base`): its receipt is asked there. */
  base?: string
  /** The demo's own title, where one page is requested twice (the Cache Components demo's second request, a cache hit). */
  title?: string
}

/** A started run with its timeline as far as the event stream has brought it; `end` once the stream has ended. */
export interface RunSoFar extends StartedRun {
  events: TimelineEvent[]
  end?: StreamEnd
}

/** A started run with its whole timeline, read from its event stream. */
export interface CompletedRun extends RunSoFar {
  end: StreamEnd
}

/**
 * A run while it happens, as the page draws it: `sentAt` is when the browser
 * sent the request (`performance.now()`), `run` is there once the response
 * has arrived, and grows with every event the stream brings.
 */
export interface RunProgress {
  scenario: string
  sentAt: number
  run?: RunSoFar
}

export interface RunOptions {
  /** Aborts the whole run: the request and the timeline stream. */
  signal?: AbortSignal
  /**
   * Stops only the response: the browser hangs up mid-body, as a visitor
   * closing the tab would, and the run's timeline is still collected.
   */
  stop?: AbortSignal
  /** Called as the run goes on: request sent, response arrived, each event, stream ended. */
  onProgress?: (progress: RunProgress) => void
  /** The path prefix of the Next.js version to run on (a catalogue `versions` entry's `base`); "" for the site's own server. */
  base?: string
}

/** `params` as a query string. */
export const toQuery = (params: Record<string, number | string>): string =>
  new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])).toString()
