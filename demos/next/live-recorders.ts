import { processWide, type RunRecorder } from '../engine'

/** The request header middleware uses to hand its run to the page behind it. */
export const RUN_HEADER = 'x-after-guide-run'

/**
 * Recorders of runs still in flight, by run id, so that a run started in one
 * place (middleware) can be continued in another (the page behind it). Each
 * entry leaves when its run ends, so the map is bounded by the runs-in-flight cap.
 */
const recorders = processWide('live-recorders', () => new Map<string, RunRecorder>())

export function keepRecorder(recorder: RunRecorder): void {
  recorders().set(recorder.id, recorder)
  void recorder.ended.then(() => recorders().delete(recorder.id))
}

export const liveRecorder = (runId: string | null | undefined): RunRecorder | undefined =>
  runId ? recorders().get(runId) : undefined
