import { errorMessage, type NewTimelineEvent, type RunRecorder } from '../engine'

/** How a wrapper's body ends on the timeline. */
export interface BodyEnd<T> {
  /** The event that ends the body's bar when it returned `value`. */
  returned(value: T): Omit<NewTimelineEvent, 'phase'>
  /** The event that ends the bar when the body threw; the error's message becomes its detail. */
  threw: Pick<NewTimelineEvent, 'type' | 'label' | 'lane'>
  /**
   * Runs a callback once the response has been sent: Next.js's `after()`,
   * passed in so that this module runs without Next.js.
   */
  afterResponse(callback: () => void): void
  /**
   * True when, after a body that returned, the run goes on in another
   * handler that marks the response sent itself (middleware handing its run
   * to the page behind it).
   */
  continuesRun?(): boolean
}

/**
 * Runs a demo's own code (a Route Handler, Server Action, page or middleware
 * body) as part of its run and ends that part whatever happens: the body's
 * return or its throw goes on the timeline, and the response's sending is
 * recorded through `afterResponse`. Without that record a run whose body
 * threw would hold its in-flight slot until `maxRunMs` and end `expired`.
 */
export async function runBody<T>(recorder: RunRecorder, body: () => Promise<T>, end: BodyEnd<NoInfer<T>>): Promise<T> {
  let continues = false
  try {
    const value = await body()
    recorder.mark({ ...end.returned(value), phase: 'end' })
    continues = end.continuesRun?.() ?? false
    return value
  } catch (error) {
    recorder.mark({ ...end.threw, phase: 'end', outcome: 'error', detail: errorMessage(error) })
    throw error
  } finally {
    // Registered last, so the body's own after() callbacks start first. It
    // records when Next.js ran this run's after() callbacks, and lets the run
    // complete; it proves nothing about when the response was sent.
    if (!continues) end.afterResponse(() => recorder.markResponseSent())
  }
}
