import type { StartedRun } from './run'
import { refusal } from './run-error'

/** What the browser measured of a run, as `POST /api/runs/<id>/receipt` takes it (`browser`). */
const browserEntry = (run: StartedRun): string =>
  [Math.round(run.browser.firstByte), Math.round(run.browser.lastByte), run.status, ...(run.redirected ? ['r'] : []), ...(run.browser.stopped ? ['s'] : [])].join(':')

/** The longest a receipt request waits for a run's after() callbacks to end (a 409 says it is still going). */
const MAX_WAIT_MS = 60_000

/**
 * Asks the server that ran `runs` (its `base`: `""` or `/next16`) for a signed
 * receipt of them, the first drawn first, and answers its path and sentence.
 * A run whose callbacks are still going is asked for again once they may have ended.
 */
export async function requestReceipt(runs: readonly StartedRun[], options: { base?: string; section?: string } = {}): Promise<{ path: string; sentence: string }> {
  const [first, ...rest] = runs
  if (!first) throw new Error('A receipt needs a run.')
  const query = new URLSearchParams({ browser: runs.map(browserEntry).join(',') })
  if (rest.length > 0) query.set('also', rest.map((run) => run.runId).join(','))
  if (options.section) query.set('section', options.section)
  const started = Date.now()
  for (;;) {
    const response = await fetch(`${options.base ?? ''}/api/runs/${encodeURIComponent(first.runId)}/receipt?${query}`, { method: 'POST' })
    const text = await response.text()
    if (response.ok) {
      const { url, sentence } = JSON.parse(text) as { url: string; sentence: string }
      return { path: new URL(url).pathname, sentence }
    }
    const refused = refusal(response, text)
    if (refused.retryAfter === undefined || Date.now() - started > MAX_WAIT_MS) throw refused
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfter! * 1000))
  }
}
