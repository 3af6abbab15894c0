import { errorMessage, EVENTS, LANES, roundMs, simulate, type RunRecorder } from '../engine'
import { runVersions } from '../versions'

export interface DemoParams {
  work: number
  effect?: number
}

/**
 * What a demo calls: the rule's operations. The names mirror the code a
 * reader would write in their own app; each one records itself on the run's timeline.
 */
export interface DemoOperations {
  /** The critical work the response depends on (simulated, `work` ms). */
  updateDatabase(): Promise<void>
  /** The side effect: an audit-log write (simulated, `effect` ms). */
  logUserAction(entry: Record<string, string>): Promise<void>
  /** Records a caught error on the timeline, with its message, as text. */
  logError(what: string, error: unknown): void
  /** The JSON response, with the run id, the server's timings (also as `Server-Timing`) and its Next.js version. */
  json(body: Record<string, unknown>, init?: { status?: number }): Response
}

const MAX_DETAIL = 200
/** Longer than an audit-log detail: Next.js error messages run to about 250 characters. */
const MAX_ERROR = 400

const describeEntry = (entry: Record<string, string>): string =>
  Object.entries(entry)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')
    .slice(0, MAX_DETAIL)

export function demoOperations(recorder: RunRecorder, scenario: string, params: DemoParams): DemoOperations {
  /** Durations measured inside the handler, reported with the response. */
  const timings: Record<string, number> = {}

  const measure = async (name: string, operation: () => Promise<void>): Promise<void> => {
    const start = recorder.elapsed()
    await operation()
    timings[name] = roundMs(recorder.elapsed() - start)
  }

  return {
    updateDatabase: () =>
      measure('work', () =>
        recorder.task(
          { lane: LANES.handler, type: 'work', started: 'Critical work started', finished: 'Critical work done' },
          () => simulate(params.work),
        ),
      ),

    logUserAction: (entry) =>
      measure('effect', async () => {
        await recorder.task(
          { lane: LANES.sideEffect, type: 'effect', started: 'Side effect started', finished: 'Side effect finished' },
          () => simulate(params.effect ?? 0),
        )
        recorder.mark({ type: EVENTS.effectLogged, label: 'Audit log entry', lane: LANES.sideEffect, phase: 'instant', detail: describeEntry(entry) })
      }),

    logError(what, error) {
      recorder.mark({ type: EVENTS.contextThrew, label: `${what} threw`, lane: LANES.sideEffect, phase: 'instant', outcome: 'error', detail: errorMessage(error).slice(0, MAX_ERROR) })
    },

    json(body, init) {
      const handler = roundMs(recorder.elapsed())
      const serverTiming = [
        ...Object.entries(timings).map(([name, ms]) => `${name};dur=${ms}`),
        `handler;dur=${handler}`,
      ].join(', ')
      return Response.json(
        { ...body, runId: recorder.id, scenario, params, timings: { ...timings, handler }, ...runVersions() },
        {
          status: init?.status ?? 200,
          headers: { 'Cache-Control': 'no-store', 'X-Run-Id': recorder.id, 'Server-Timing': serverTiming },
        },
      )
    },
  }
}
