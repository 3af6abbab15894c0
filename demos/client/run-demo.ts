import { SIDE_EFFECTS, type COMPOSE, type Step } from '../compose/types'
import { LANES, type Lane } from '../engine/timeline'
import { appSurfaces, scenarios, type AppSurfaceName, type ParamSpecs, type ScenarioName } from '../scenarios'
import { CACHE_COMPONENTS_BASE } from '../versions/bases'
import { startInFrame } from './action-frame'
import { collectEvents } from './event-stream'
import type { CompletedRun, RunOptions, StartedRun } from './run'
import { RunRequestError } from './run-error'
import { startPage, startRoute } from './start-run'

/**
 * A demo as a docs page runs it: a Route Handler scenario, an App Router page
 * (a Server Component, or one behind middleware), or a Server Action called
 * from its page in a frame.
 */
export type Demo =
  | { kind: 'route'; name: ScenarioName; title?: string }
  /** A Route Handler scenario run as an invocation of the emulated serverless platform (`POST /api/serverless/<name>`). */
  | { kind: 'serverless'; name: ScenarioName }
  /** `title` tells apart two requests to one page (the Cache Components demo's second request, a cache hit). */
  | { kind: 'page'; name: AppSurfaceName; title?: string }
  | { kind: 'action'; name: AppSurfaceName }
  /** A composed Route Handler (`POST /api/demos/compose?steps=…`): the playground's; `steps` is its checked composition. */
  | ComposedDemo

export interface ComposedDemo {
  kind: 'compose'
  name: typeof COMPOSE
  /** The composition as `parseComposition` read it, and its text, sent as is. */
  steps: readonly Step[]
  text: string
  title?: string
}

/** The Server Action frames on the page, by surface. */
export type ActionFrames = Partial<Record<AppSurfaceName, HTMLIFrameElement>>

interface DemoSpec {
  title: string
  params: ParamSpecs
  lanes?: readonly Lane[]
}

/** A composition's lanes: the handler's, each side effect's (named after its function), the stream's. */
const composedLanes = (steps: readonly Step[]): Lane[] => [
  LANES.handler,
  ...steps.flatMap((step) => (step.kind === 'effect' ? [SIDE_EFFECTS[step.name].call] : step.kind === 'stream' ? [LANES.stream] : [])),
]

function specOf(demo: Demo): DemoSpec {
  if (demo.kind === 'compose') return { title: 'Your handler', params: {}, lanes: composedLanes(demo.steps) }
  return demo.kind === 'route' || demo.kind === 'serverless' ? scenarios[demo.name] : appSurfaces[demo.name]
}

/**
 * The one server a demo runs on, whatever versions the visitor chose: the
 * Cache Components demo server for its page (no other build has it).
 */
export const pinnedBase = (demo: Demo): string | undefined =>
  demo.kind === 'page' && (appSurfaces[demo.name] as { cacheComponents?: boolean }).cacheComponents ? CACHE_COMPONENTS_BASE : undefined

/** A demo's name on the page: its own title, or its scenario's. */
export const titleOf = (demo: Demo): string => ('title' in demo && demo.title) || specOf(demo).title

export const paramsOf = (demo: Demo): ParamSpecs => specOf(demo).params

/** The lanes a demo's runs can draw, so one that recorded nothing shows as never run. */
export const lanesOf = (demo: Demo): readonly Lane[] | undefined => specOf(demo).lanes

/** Starts one run of `demo` with its own parameters picked from `values`; reading its timeline is `collectEvents`' job. */
export function startDemo(demo: Demo, values: Record<string, number>, options: RunOptions, frames: ActionFrames = {}): Promise<StartedRun> {
  const params = Object.fromEntries(Object.keys(paramsOf(demo)).map((key) => [key, values[key]!]))
  if (demo.kind === 'compose') return startRoute(demo.name, { steps: demo.text }, options)
  if (demo.kind === 'route') return startRoute(demo.name, params, options)
  if (demo.kind === 'serverless') return startRoute(demo.name, params, options, `/api/serverless/${demo.name}`)
  if (demo.kind === 'page') return startPage(demo.name, params, options)
  const frame = frames[demo.name]
  if (!frame) throw new RunRequestError('The Server Action frame is not on the page.')
  return startInFrame(frame, demo.name, params)
}

/**
 * Runs one demo, on any surface, with its own parameters picked from `values`:
 * starts it on the version `options.base` names (an action demo: in that version's frame), then reads its timeline
 * from that version's event stream. Only a Route
 * Handler run can be stopped mid-response (`options.stop`).
 */
export async function runDemo(demo: Demo, values: Record<string, number>, options: RunOptions, frames: ActionFrames = {}): Promise<CompletedRun> {
  const progress = { scenario: demo.name, sentAt: performance.now() }
  options.onProgress?.(progress)
  const title = demo.kind === 'page' && demo.title ? { title: demo.title } : {}
  const started = { ...(await startDemo(demo, values, options, frames)), base: options.base ?? '', ...title }
  options.onProgress?.({ ...progress, run: { ...started, events: [] } })
  const { events, end, nextVersion } = await collectEvents(
    started.runId,
    options.signal,
    (events, nextVersion = started.nextVersion) => options.onProgress?.({ ...progress, run: { ...started, events, nextVersion } }),
    options.base,
  )
  const completed = { ...started, events, end, nextVersion: nextVersion ?? started.nextVersion }
  options.onProgress?.({ ...progress, run: completed })
  return completed
}
