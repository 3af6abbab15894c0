import { collectEvents, refusal, RunRequestError, runScenario, timedRequest, toQuery, type CompletedRun } from '../../../demos/client/run-client'
import { scenarios, type ScenarioName } from '../../../demos/scenarios'
import { appSurfaces, type AppSurfaceName } from '../../../demos/scenarios/surfaces'
import { isFrameMessage, type FrameMessage } from './frame-protocol'

/** One demo run on a docs page: a Route Handler scenario, a Server Component page, or a Server Action in a frame. */
export type SurfaceSource =
  | { kind: 'route'; name: ScenarioName; title?: string }
  | { kind: 'page'; name: AppSurfaceName }
  | { kind: 'action'; name: AppSurfaceName }

/** GETs a demo page, timed to its first and last byte, and collects its timeline. */
export async function runPage(name: AppSurfaceName, params: Record<string, number>, signal?: AbortSignal): Promise<CompletedRun> {
  const { response, text, timing } = await timedRequest(
    `${appSurfaces[name].path}?${toQuery(params)}`,
    {},
    { signal },
    'The demo page could not be reached. Check your connection and try again.',
  )
  if (!response.ok) throw refusal(response, text, `The page answered ${response.status}.`)
  const runId = /data-run-id="([A-Za-z0-9_-]{12})"/.exec(text)?.[1]
  if (!runId) throw new RunRequestError(/<p>([^<]{1,200})<\/p>/.exec(text)?.[1] ?? 'The page carried no run id.')
  const { events, end } = await collectEvents(runId, signal)
  return { scenario: name, runId, status: response.status, browser: timing, events, end }
}

const FRAME_TIMEOUT_MS = 60_000
let nextId = 0

/** Asks the Server Action frame for `name` to run, and waits for what it measured. */
export function runInFrame(frame: HTMLIFrameElement, name: AppSurfaceName, params: Record<string, number>): Promise<CompletedRun> {
  const id = ++nextId
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => finish(new RunRequestError('The Server Action frame did not answer in time.')), FRAME_TIMEOUT_MS)
    function finish(error?: Error, run?: CompletedRun) {
      clearTimeout(timeout)
      window.removeEventListener('message', onMessage)
      if (run) resolve(run)
      else reject(error)
    }
    function onMessage(event: MessageEvent) {
      if (!isFrameMessage(event) || event.source !== frame.contentWindow) return
      const message = event.data
      if (message.surface !== name || !('id' in message) || message.id !== id) return
      if (message.type === 'after-guide:result') finish(undefined, message.run)
      if (message.type === 'after-guide:failed') finish(new RunRequestError(message.message))
    }
    window.addEventListener('message', onMessage)
    const request: FrameMessage = { type: 'after-guide:run', surface: name, id, query: toQuery(params) }
    frame.contentWindow?.postMessage(request, window.location.origin)
  })
}

/**
 * Resolves once the frame's Server Action runner has started listening;
 * rejects if it has not within FRAME_TIMEOUT_MS (the frame's page failed to
 * load), so the demo reports an error instead of waiting for ever.
 */
export function frameReady(frame: HTMLIFrameElement, name: AppSurfaceName): Promise<void> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      window.removeEventListener('message', onMessage)
      reject(new RunRequestError('The Server Action frame did not load in time.'))
    }, FRAME_TIMEOUT_MS)
    function onMessage(event: MessageEvent) {
      if (!isFrameMessage(event) || event.source !== frame.contentWindow) return
      if (event.data.type === 'after-guide:ready' && event.data.surface === name) {
        clearTimeout(timeout)
        window.removeEventListener('message', onMessage)
        resolve()
      }
    }
    window.addEventListener('message', onMessage)
  })
}

/** Resolves with what `get` returns once it returns something: an element React is about to mount, say. */
export function whenMounted<T>(get: () => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const value = get()
      if (value === undefined) requestAnimationFrame(check)
      else resolve(value)
    }
    check()
  })
}

/** Runs one source with its own parameters picked from `values`. */
export function runSource(
  source: SurfaceSource,
  values: Record<string, number>,
  frames: Partial<Record<AppSurfaceName, HTMLIFrameElement>>,
  signal?: AbortSignal,
): Promise<CompletedRun> {
  const own = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, values[key]!]))
  if (source.kind === 'route') return runScenario(source.name, own(Object.keys(scenarios[source.name].params)), signal)
  const params = own(Object.keys(appSurfaces[source.name].params))
  if (source.kind === 'page') return runPage(source.name, params, signal)
  const frame = frames[source.name]
  if (!frame) throw new RunRequestError('The Server Action frame is not on the page.')
  return runInFrame(frame, source.name, params)
}
