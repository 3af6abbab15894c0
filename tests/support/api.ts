import { afterAll, beforeAll, describe, expect, inject } from 'vitest'
import { EVENTS, type TimelineEvent } from '@/demos/engine'
import type { VersionUnderTest } from './global-setup'

export type { VersionUnderTest }

/** The version whose tests are running (`eachVersion`); the site's own outside them. */
let current: VersionUnderTest | undefined

export const currentVersion = (): VersionUnderTest => current ?? inject('versions')[0]!

/**
 * Runs `body`'s tests once per Next.js version under test (15.5, then 16),
 * each against that version's server: inside it `baseUrl()` and every helper
 * that uses it talk to that version. `body` gets the version for the few
 * expectations that differ.
 */
export function eachVersion(body: (version: VersionUnderTest) => void): void {
  describe.each(inject('versions'))('Next.js $name', (version) => {
    beforeAll(() => {
      current = version
    })
    afterAll(() => {
      current = undefined
    })
    body(version)
  })
}

/**
 * The server this test file talks to: its own while it runs, of the version
 * under test. Vitest numbers the files running at once from 1
 * (VITEST_POOL_ID); global-setup.ts starts one server per number and version.
 */
export function baseUrl(): string {
  const urls = current?.baseUrls ?? inject('baseUrls')
  return urls[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % urls.length]!
}

export interface TimedResponse {
  response: Response
  body: string
  /** ms from sending the request to the last byte of the body. */
  elapsed: number
}

/** Sends a request and times it to the last byte, as a browser would see it. */
export async function timed(path: string, init?: RequestInit): Promise<TimedResponse> {
  const start = performance.now()
  const response = await fetch(`${baseUrl()}${path}`, { redirect: 'manual', ...init })
  const body = await response.text()
  return { response, body, elapsed: performance.now() - start }
}

export const post = (path: string, init?: RequestInit) => timed(path, { method: 'POST', ...init })

export interface StreamedRun {
  events: TimelineEvent[]
  end: string
  /** Every SSE frame as received, for format checks. */
  raw: string
  headers: Headers
}

/** Reads a run's event stream to its end marker. */
export async function readEvents(runId: string, init?: RequestInit, base = baseUrl()): Promise<StreamedRun> {
  const response = await fetch(`${base}/api/runs/${runId}/events`, init)
  if (!response.ok) throw new Error(`events stream answered ${response.status}: ${await response.text()}`)
  const raw = await response.text()
  return { ...parseEvents(raw), raw, headers: response.headers }
}

/** The timeline events and the end status (`''` before `event: end`) in an event stream's text, whole or so far. */
export function parseEvents(raw: string): Pick<StreamedRun, 'events' | 'end'> {
  const events: TimelineEvent[] = []
  let end = ''
  for (const frame of raw.split('\n\n')) {
    const name = /^event: (.+)$/m.exec(frame)?.[1]
    const data = /^data: (.+)$/m.exec(frame)?.[1]
    if (name === 'timeline' && data) events.push(JSON.parse(data) as TimelineEvent)
    if (name === 'end' && data) end = (JSON.parse(data) as { status: string }).status
  }
  return { events, end }
}

export const eventTime = (events: TimelineEvent[], type: string): number => {
  const found = events.find((event) => event.type === type)
  if (!found) throw new Error(`no ${type} event in ${events.map((e) => e.type).join(', ')}`)
  return found.t
}

/** How often a run whose response came late is tried again (responseBeforeEffectEnd). */
const TRIES = 3

/**
 * Runs `run` until the whole response was here before the run's side effect finished, and returns that run for the
 * test's other assertions. `elapsed` runs from before the request was sent, the run's clock from after it arrived: a
 * response time below the run's `effect.finished` proves it, however long a busy machine took to carry the request
 * to the handler. A response that waits for its callback never comes first, however often it is tried. A client or
 * server stalled for longer than the side effect can make one run come late (a busy CI machine held a response
 * 1.2 s behind a 600 ms side effect), so a late run is tried again, up to TRIES times in all.
 */
export async function responseBeforeEffectEnd<T extends { elapsed: number; events: TimelineEvent[] }>(run: () => Promise<T>): Promise<T> {
  for (let tried = 1; ; tried++) {
    const result = await run()
    const finished = eventTime(result.events, EVENTS.effectFinished)
    if (result.elapsed < finished || tried === TRIES) {
      expect(result.elapsed, `the response, in the last of ${tried} tries`).toBeLessThan(finished)
      return result
    }
  }
}

/** How many runs the server has created: a refused request must leave it as it was (runs aging out do not lower it). */
export async function runCount(): Promise<number> {
  const health = (await (await fetch(`${baseUrl()}/api/health`)).json()) as { runs: { created: number } }
  return health.runs.created
}

/** The versions the site under test serves, from its own catalogue (never typed in a test), in the catalogue's order. */
export async function servedVersions(): Promise<Array<{ next: string; base: string }>> {
  return ((await (await fetch(`${baseUrl()}/api/demos`)).json()) as { versions: Array<{ next: string; base: string }> }).versions
}
