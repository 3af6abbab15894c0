/**
 * The browser's side of the demos, plain TypeScript: start a run of a demo on
 * any surface, time its response, read its timeline from the event stream, and put
 * it on the browser's time axis. The docs page's components import from here;
 * the Server Action's own page, in its frame, imports `start-run` and
 * `frame-protocol` alone.
 *
 * - `run-demo`: `Demo`, one type for a demo on any surface, and `runDemo`, which runs any of them
 * - `start-run`: starting a run of each kind (Route Handler, page, Server Action), timed
 * - `timed-request`: one request timed from sent to first and last byte
 * - `event-stream`: a run's timeline, read from its Server-Sent Events
 * - `run`, `run-error`: a run as the browser saw it, and the error a visitor reads when it could not run
 * - `action-frame`, `frame-protocol`: a Server Action called from its page in a frame
 * - `align`, `computed-limit`: server events on the browser's axis, and the computed maxDuration lane
 * - `repeat-runs`, `stats`: a comparison run N times, interleaved, and the order statistics of its response times
 * - `param-check`: what is wrong with a parameter the visitor typed, in the server's words
 * - `demo-cookie`, `pages-api`: the two requests that start no run
 * - `versions`: which Next.js a demo runs on (`?next=`), from the catalogue's `versions` and their `base`
 */
export { ms } from './format'
export { align, bars, effectAfterResponse, missingLanes, sideEffectEnds, type AlignedRun } from './align'
export { frameReady, settledLater } from './action-frame'
export { withComputedLimit } from './computed-limit'
export { paramError } from './param-check'
export { setDemoCookie } from './demo-cookie'
export { callPagesApi, type PagesApiOutcome } from './pages-api'
export { MAX_TIMES, medianRuns, repeatRuns, type Repeated, type Sample } from './repeat-runs'
export { requestReceipt } from './receipt'
export { RunRequestError } from './run-error'
export { median, percentile } from './stats'
export { lanesOf, paramsOf, pinnedBase, runDemo, titleOf, type ActionFrames, type ComposedDemo, type Demo } from './run-demo'
export type { RunProgress, RunSoFar } from './run'
