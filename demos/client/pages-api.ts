import { refusal } from './run-error'
import { timedRequest } from './timed-request'

/** What the Pages Router API route saw when it called after(): it starts no run, so there is no timeline. */
export interface PagesApiOutcome {
  afterThrew: boolean
  message?: string
}

/** Calls after() in the Pages Router API route (`POST /api/pages-router-after`). */
export async function callPagesApi(): Promise<PagesApiOutcome> {
  const { response, text } = await timedRequest(
    '/api/pages-router-after',
    { method: 'POST' },
    {},
    'The Pages Router API route could not be reached. Check your connection and try again.',
  )
  if (!response.ok) throw refusal(response, text, `The route answered ${response.status}.`)
  return JSON.parse(text) as PagesApiOutcome
}
