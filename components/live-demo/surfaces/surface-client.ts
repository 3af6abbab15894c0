import {
  collectEvents,
  refusal,
  RunRequestError,
  runScenario,
  timedRequest,
  toQuery,
  type CompletedRun,
  type RunOptions,
} from '../../../demos/client/run-client'
import type { ParamSpecs } from '../../../demos/scenarios'
import { scenarios, type ScenarioName } from '../../../demos/scenarios'
import { appSurfaces, type AppSurfaceName } from '../../../demos/scenarios'
import { isFrameMessage, type FrameMessage } from './frame-protocol'

/** One demo run on a docs page: a Route Handler scenario, a Server Component page, or a Server Action in a frame. */
export type SurfaceSource =
  | { kind: 'route'; name: ScenarioName; title?: string }
  | { kind: 'page'; name: AppSurfaceName }
  | { kind: 'action'; name: AppSurfaceName }

interface SourceSpec {
  title: string
  params: ParamSpecs
  lanes?: readonly string[]
}

const specOf = (source: SurfaceSource): SourceSpec => (source.kind === 'route' ? scenarios[source.name] : appSurfaces[source.name])

/** The name the demo shows for a source: its own title, or its scenario's. */
export const titleOf = (source: SurfaceSource): string => ('title' in source && source.title) || specOf(source).title

export const paramsOf = (source: SurfaceSource) => specOf(source).params

/** The lanes a source's runs can draw, so one that recorded nothing shows as never run. */
export const lanesOf = (source: SurfaceSource): readonly string[] | undefined => specOf(source).lanes

/** GETs a demo page, timed to its first and last byte, and collects its timeline. */
async function runPage(name: AppSurfaceName, params: Record<string, number>, signal?: AbortSignal): Promise<CompletedRun> {
  const { response, text, timing } = await timedRequest(
    `${appSurfaces[name].path}?${toQuery(params)}`,
    {},
    { signal },
    'The demo page could not be reached. Check your connection and try again.',
  )
  if (!response.ok) throw refusal(response, text, `The page answered ${response.status}.`)
  const runId = /data-run-id="([A-Za-z0-9_-]{12})"/.exec(text)?.[1]
  if (!runId) throw new RunRequestError('The page carried no run id.')
  const { events, end } = await collectEvents(runId, signal)
  return { scenario: name, runId, status: response.status, browser: timing, events, end }
}

const FRAME_TIMEOUT_MS = 60_000
let nextId = 0

/**
 * The first message from `frame` that `settle` settles (by returning something
 * other than undefined: a value, or an Error to reject with). Rejects with
 * `late` if none has come within FRAME_TIMEOUT_MS, so a frame that failed to
 * load ends in an error instead of a wait for ever.
 */
function frameMessage<T>(frame: HTMLIFrameElement, settle: (message: FrameMessage) => T | Error | undefined, late: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => finish(new RunRequestError(late)), FRAME_TIMEOUT_MS)
    function finish(outcome: T | Error) {
      clearTimeout(timeout)
      window.removeEventListener('message', onMessage)
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    function onMessage(event: MessageEvent) {
      if (!isFrameMessage(event) || event.source !== frame.contentWindow) return
      const outcome = settle(event.data)
      if (outcome !== undefined) finish(outcome)
    }
    window.addEventListener('message', onMessage)
  })
}

/** Asks the Server Action frame for `name` to run, and waits for what it measured. */
function runInFrame(frame: HTMLIFrameElement, name: AppSurfaceName, params: Record<string, number>): Promise<CompletedRun> {
  const id = ++nextId
  const answer = frameMessage<CompletedRun>(
    frame,
    (message) => {
      if (message.surface !== name || !('id' in message) || message.id !== id) return undefined
      if (message.type === 'after-guide:result') return message.run
      if (message.type === 'after-guide:failed') return new RunRequestError(message.message)
      return undefined
    },
    'The Server Action frame did not answer in time.',
  )
  const request: FrameMessage = { type: 'after-guide:run', surface: name, id, query: toQuery(params) }
  frame.contentWindow?.postMessage(request, window.location.origin)
  return answer
}

/** Resolves once the frame's Server Action runner has started listening. */
export const frameReady = (frame: HTMLIFrameElement, name: AppSurfaceName): Promise<true> =>
  frameMessage(
    frame,
    (message) => (message.type === 'after-guide:ready' && message.surface === name ? true : undefined),
    'The Server Action frame did not load in time.',
  )

/**
 * A promise and the function that settles it, for something that happens in
 * a callback later: a frame mounting. Unlike polling for it each animation
 * frame, it does not stall while the visitor's tab is in the background.
 */
export function settledLater<T>(): { promise: Promise<T>; settle: (value: T | PromiseLike<T>) => void } {
  let settle!: (value: T | PromiseLike<T>) => void
  const promise = new Promise<T>((resolve) => (settle = resolve))
  return { promise, settle }
}

/**
 * Runs one source with its own parameters picked from `values`. Only a Route
 * Handler run can be stopped mid-response (`options.stop`).
 */
export function runSource(
  source: SurfaceSource,
  values: Record<string, number>,
  options: RunOptions,
  frames: Partial<Record<AppSurfaceName, HTMLIFrameElement>> = {},
): Promise<CompletedRun> {
  const params = Object.fromEntries(Object.keys(paramsOf(source)).map((key) => [key, values[key]!]))
  if (source.kind === 'route') return runScenario(source.name, params, options)
  if (source.kind === 'page') return runPage(source.name, params, options.signal)
  const frame = frames[source.name]
  if (!frame) throw new RunRequestError('The Server Action frame is not on the page.')
  return runInFrame(frame, source.name, params)
}
