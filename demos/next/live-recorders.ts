import { randomBytes } from 'node:crypto'
import type { Admission } from '../admission'
import { EVENTS, LANES, processWide, type RunRecorder } from '../engine'

/**
 * The request header middleware uses to hand a page its run (the middleware
 * demo's) or its admission (a page whose run starts as it renders). Always set
 * by middleware over whatever the visitor sent.
 */
export const RUN_HEADER = 'x-after-guide-run'

interface HandedRun {
  recorder: RunRecorder
  unclaimed: ReturnType<typeof setTimeout>
}

/**
 * Runs started in middleware (the middleware demo's), by run id, until the
 * page behind claims them as it renders. Each entry leaves when claimed or
 * abandoned, so the map is bounded by the runs-in-flight cap.
 */
const handedRuns = processWide('live-recorders', () => new Map<string, HandedRun>())

/**
 * Keeps a run for the page behind the middleware that started it. Middleware
 * cannot tell every request whose page will not render: Next.js strips the
 * RSC and prefetch headers before middleware runs, and resolves `.` and `..`
 * segments the router does not. So a run no page claims within `claimMs`
 * ends `abandoned` and gives its slot back, and so does one whose visitor
 * leaves before the response is sent (`signal`).
 */
export function keepRecorder(recorder: RunRecorder, claimMs: number, signal?: AbortSignal): void {
  const unclaimed = setTimeout(() => {
    if (claimRecorder(recorder.id)) abandon(recorder, `No page claimed the run within ${claimMs} ms.`)
  }, claimMs)
  unclaimed.unref?.()
  handedRuns().set(recorder.id, { recorder, unclaimed })
  endWhenVisitorLeaves(signal, () => recorder)
}

/** The run handed to this page, taken out of the hand-over: a page continues it once. */
export function claimRecorder(runId: string | null): RunRecorder | undefined {
  const handed = runId === null ? undefined : handedRuns().get(runId)
  if (!handed) return undefined
  handedRuns().delete(runId!)
  clearTimeout(handed.unclaimed)
  return handed.recorder
}

/**
 * Ends a run whose visitor left before its response was sent. Next.js 15.5
 * never runs an after() registered once the client has gone, so a page
 * whose visitor left mid-render would never mark its response sent and would
 * hold its slot until `maxRunMs`. Aborts only when the response closed
 * unfinished (see Next.js's `signalFromNodeResponse`).
 */
function endWhenVisitorLeaves(signal: AbortSignal | undefined, runOf: () => RunRecorder | Promise<RunRecorder> | undefined): void {
  signal?.addEventListener(
    'abort',
    () => {
      // A run still starting (its store answering) is ended once it has started; one that failed to start has nothing to end.
      void Promise.resolve(runOf())
        .catch(() => undefined)
        .then((recorder) => {
          if (!recorder || rendered().has(recorder.id)) return
          handedRuns().delete(recorder.id)
          abandon(recorder, 'The visitor left before the page was sent.')
        })
    },
    { once: true },
  )
}

/**
 * Runs whose page (or layout, or `generateMetadata`) has finished its part:
 * it registered its after() callbacks, the one marking the response sent
 * among them, and Next.js runs those when the response closes, visitor or
 * not. Leaving then does not end the run: the callbacks are what the
 * aborted-render demo shows.
 */
const rendered = processWide('rendered-runs', () => new Set<string>())

/** Marks that a part of this run's render has ended (returned or thrown) with its after() callbacks registered. */
export function bodyEnded(recorder: RunRecorder): void {
  if (rendered().has(recorder.id)) return
  rendered().add(recorder.id)
  void recorder.ended.then(() => rendered().delete(recorder.id))
}

// Through the recorder, so its timers stop and its run slot is given back (`ended`).
function abandon(recorder: RunRecorder, why: string): void {
  recorder.endNow('abandoned', { type: EVENTS.runAbandoned, label: 'Page did not render', lane: LANES.handler, phase: 'instant', outcome: 'error', detail: why })
}

/**
 * Admissions of pages whose run starts as they render, by a ticket only
 * middleware hands out. A page that never renders leaves its admission here,
 * holding no run slot; the oldest goes first past `max`.
 */
const admissions = processWide('page-admissions', () => new Map<string, Admission>())

/** Runs started from an admission, by ticket, from the moment they start until they end: the visitor's leaving ends them. */
const startedRuns = processWide('page-admission-runs', () => new Map<string, Promise<RunRecorder>>())

export function keepAdmission(admission: Admission, max: number, signal?: AbortSignal): string {
  const ticket = randomBytes(12).toString('base64url')
  admissions().set(ticket, admission)
  if (admissions().size > max) admissions().delete(admissions().keys().next().value!)
  endWhenVisitorLeaves(signal, () => {
    // Not started yet: the page must not start it.
    admissions().delete(ticket)
    return startedRuns().get(ticket)
  })
  return ticket
}

/** Starts the run behind this ticket with `start`, once: the page calls it as it renders. */
export async function startAdmission(ticket: string | null, start: (admission: Admission) => Promise<RunRecorder>): Promise<RunRecorder | undefined> {
  const admission = ticket === null ? undefined : admissions().get(ticket)
  if (!admission) return undefined
  admissions().delete(ticket!)
  const starting = start(admission)
  startedRuns().set(ticket!, starting)
  try {
    const recorder = await starting
    void recorder.ended.then(() => startedRuns().delete(ticket!))
    return recorder
  } catch (error) {
    startedRuns().delete(ticket!)
    throw error
  }
}
