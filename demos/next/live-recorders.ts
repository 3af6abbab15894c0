import type { RunRecorder } from '../engine/recorder'

/** The request header middleware uses to hand its run to the page behind it. */
export const RUN_HEADER = 'x-after-guide-run'

const KEY = Symbol.for('after-guide.live-recorders')
type WithRecorders = typeof globalThis & { [KEY]?: Map<string, RunRecorder> }

/**
 * Recorders of runs still in flight, by run id, so that a run started in one
 * place (middleware) can be continued in another (the page behind it). Each
 * entry leaves when its run ends, so the map is bounded by the runs-in-flight cap.
 */
const recorders = (): Map<string, RunRecorder> => ((globalThis as WithRecorders)[KEY] ??= new Map())

export function keepRecorder(recorder: RunRecorder): void {
  recorders().set(recorder.id, recorder)
  recorder.run.subscribe((message) => {
    if (message.kind === 'end') recorders().delete(recorder.id)
  })
}

export const liveRecorder = (runId: string | null | undefined): RunRecorder | undefined =>
  runId ? recorders().get(runId) : undefined
