/**
 * The browser's side of the demos, plain TypeScript: start a run of any
 * source, time its response, read its timeline from the event stream, and put
 * it on the browser's time axis. Components import from here.
 *
 * - `sources`: one type for every kind of demo source and `runSource`, which runs any of them
 * - `start-run`: starting a run of each kind (Route Handler, page, Server Action), timed
 * - `timed-request`: one request timed from sent to first and last byte
 * - `event-stream`: a run's timeline, read from its Server-Sent Events
 * - `action-frame`, `frame-protocol`: a Server Action called from its page in a frame
 * - `align`, `computed-limit`: server events on the browser's axis, and the computed maxDuration lane
 * - `demo-cookie`, `pages-api`: the two requests that start no run
 */
export { align, bars, effectAfterResponse, missingLanes, sideEffectEnds, type AlignedRun } from './align'
export { frameReady, settledLater } from './action-frame'
export { withComputedLimit } from './computed-limit'
export { setDemoCookie } from './demo-cookie'
export { isFrameMessage, type FrameMessage } from './frame-protocol'
export { callPagesApi, type PagesApiOutcome } from './pages-api'
export { RunRequestError } from './run-error'
export { lanesOf, paramsOf, runSource, titleOf, type ActionFrames, type DemoSource } from './sources'
export { startAction } from './start-run'
