import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import type { TimelineEvent } from '@/demos/engine'
import { baseUrl, currentVersion, readEvents, type StreamedRun } from './api'
import { startVersionServer, TEST_SERVER_ENV, type RunningServer } from './server'

export const newRef = (): string => randomBytes(16).toString('base64url')

export interface StartedRun {
  response: Response
  body: string
  /** ms from sending the request to the last byte of the body. */
  elapsed: number
  /** Found through X-Run-Ref, as the browser does, whatever the response carried. */
  runId: string | undefined
}

/**
 * Starts a scenario the way the site's client does: with an X-Run-Ref, not
 * following redirects, then finds the run id by the reference (a thrown
 * error's 500 and a redirect carry no X-Run-Id).
 */
export async function startScenario(scenario: string, query: string, base = baseUrl()): Promise<StartedRun> {
  const ref = newRef()
  const start = performance.now()
  const response = await fetch(`${base}/api/demos/${scenario}?${query}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'X-Run-Ref': ref },
  })
  const body = await response.text()
  const elapsed = performance.now() - start
  return { response, body, elapsed, runId: await lookUpRef(ref, base) }
}

/**
 * GETs a demo page the way the site's client does (`startPage`): with an
 * X-Run-Ref, not following redirects, the run found by the reference, since
 * a page whose render failed has no run id in its HTML.
 */
export async function startPageRun(pathAndQuery: string, base = baseUrl()): Promise<StartedRun> {
  const ref = newRef()
  const start = performance.now()
  const response = await fetch(`${base}${pathAndQuery}`, { redirect: 'manual', headers: { 'X-Run-Ref': ref } })
  const body = await response.text()
  const elapsed = performance.now() - start
  return { response, body, elapsed, runId: await lookUpRef(ref, base) }
}

export async function lookUpRef(ref: string, base = baseUrl()): Promise<string | undefined> {
  const lookup = await fetch(`${base}/api/runs?ref=${ref}`)
  if (lookup.status === 404) return undefined
  if (!lookup.ok) throw new Error(`lookup answered ${lookup.status}: ${await lookup.text()}`)
  return ((await lookup.json()) as { runId: string }).runId
}

/** Starts a scenario and reads its whole timeline. */
export async function runToEnd(scenario: string, query: string, base = baseUrl()): Promise<StartedRun & StreamedRun> {
  const started = await startScenario(scenario, query, base)
  if (!started.runId) throw new Error(`${scenario} created no run (status ${started.response.status}: ${started.body})`)
  return { ...started, ...(await readEvents(started.runId, undefined, base)) }
}

export const inLane = (events: TimelineEvent[], lane: string): TimelineEvent[] => events.filter((event) => event.lane === lane)

/**
 * A `next start` of its own for one test file, for tests that read the
 * server's log: started before the file's tests (of the version under test,
 * inside `eachVersion`), stopped after them.
 */
export function dedicatedServer(): { readonly url: string; logCount(text: string): number } {
  let server: RunningServer | undefined
  let base = ''
  beforeAll(async () => {
    ;({ server, base } = await startVersionServer(currentVersion(), TEST_SERVER_ENV))
  })
  afterAll(async () => {
    await server?.stop()
  })
  return {
    get url() {
      return base
    },
    /** How often `text` occurs in what the server printed so far. */
    logCount: (text) => server!.output().split(text).length - 1,
  }
}
