import { refusal } from './run-error'
import { timedRequest } from './timed-request'

/** What the Pages Router API route saw when it called after(): it starts no run, so there is no timeline. */
export interface PagesApiOutcome {
  afterThrew: boolean
  message?: string
  /** The Next.js that answered, as its response said. */
  nextVersion?: string
}

/** Calls after() in the Pages Router API route (`POST <base>/api/pages-router-after`) of the version under `base`. */
export async function callPagesApi(base = ''): Promise<PagesApiOutcome> {
  const { response, text } = await timedRequest(
    `${base}/api/pages-router-after`,
    { method: 'POST' },
    {},
    'The Pages Router API route could not be reached. Check your connection and try again.',
  )
  if (!response.ok) throw refusal(response, text, `The route answered ${response.status}.`)
  const nextVersion = response.headers.get('X-Next-Version') ?? undefined
  return { ...(JSON.parse(text) as PagesApiOutcome), ...(nextVersion ? { nextVersion } : {}) }
}
