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
 * segments the router does not. So a run no page claims within `claimMs`, or
 * whose visitor leaves first, ends `abandoned` and gives its slot back.
 */
export function keepRecorder(recorder: RunRecorder, claimMs: number, signal?: AbortSignal): void {
  const unclaimed = setTimeout(() => abandon(recorder.id, `No page claimed the run within ${claimMs} ms.`), claimMs)
  unclaimed.unref?.()
  handedRuns().set(recorder.id, { recorder, unclaimed })
  signal?.addEventListener('abort', () => abandon(recorder.id, 'The visitor left before the page rendered.'), { once: true })
}

/** The run handed to this page, taken out of the hand-over: a page continues it once. */
export function claimRecorder(runId: string | null): RunRecorder | undefined {
  const handed = runId === null ? undefined : handedRuns().get(runId)
  if (!handed) return undefined
  handedRuns().delete(runId!)
  clearTimeout(handed.unclaimed)
  return handed.recorder
}

function abandon(runId: string, why: string): void {
  const recorder = claimRecorder(runId)
  if (!recorder) return
  recorder.mark({ type: EVENTS.runAbandoned, label: 'Page did not render', lane: LANES.handler, phase: 'instant', outcome: 'error', detail: why })
  recorder.run.end('abandoned')
}

/**
 * Admissions of pages whose run starts as they render, by a ticket only
 * middleware hands out. A page that never renders leaves its admission here,
 * holding no run slot; the oldest goes first past `max`.
 */
const admissions = processWide('page-admissions', () => new Map<string, Admission>())

export function keepAdmission(admission: Admission, max: number): string {
  const ticket = randomBytes(12).toString('base64url')
  admissions().set(ticket, admission)
  if (admissions().size > max) admissions().delete(admissions().keys().next().value!)
  return ticket
}

/** The admission behind this ticket, taken out: it starts one run. */
export function claimAdmission(ticket: string | null): Admission | undefined {
  const admission = ticket === null ? undefined : admissions().get(ticket)
  if (admission) admissions().delete(ticket!)
  return admission
}
