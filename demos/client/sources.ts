import type { Lane } from '../engine/timeline'
import { appSurfaces, scenarios, type AppSurfaceName, type ParamSpecs, type ScenarioName } from '../scenarios'
import { startInFrame } from './action-frame'
import { collectEvents } from './event-stream'
import type { CompletedRun, RunOptions, StartedRun } from './run'
import { RunRequestError } from './run-error'
import { startPage, startRoute } from './start-run'

/**
 * One demo run on a docs page: a Route Handler scenario, an App Router page
 * (a Server Component, or one behind middleware), or a Server Action called
 * from its page in a frame.
 */
export type DemoSource =
  | { kind: 'route'; name: ScenarioName; title?: string }
  | { kind: 'page'; name: AppSurfaceName }
  | { kind: 'action'; name: AppSurfaceName }

/** The Server Action frames on the page, by surface. */
export type ActionFrames = Partial<Record<AppSurfaceName, HTMLIFrameElement>>

interface SourceSpec {
  title: string
  params: ParamSpecs
  lanes?: readonly Lane[]
}

const specOf = (source: DemoSource): SourceSpec => (source.kind === 'route' ? scenarios[source.name] : appSurfaces[source.name])

/** The name the demo shows for a source: its own title, or its scenario's. */
export const titleOf = (source: DemoSource): string => ('title' in source && source.title) || specOf(source).title

export const paramsOf = (source: DemoSource): ParamSpecs => specOf(source).params

/** The lanes a source's runs can draw, so one that recorded nothing shows as never run. */
export const lanesOf = (source: DemoSource): readonly Lane[] | undefined => specOf(source).lanes

function start(source: DemoSource, params: Record<string, number>, options: RunOptions, frames: ActionFrames): Promise<StartedRun> {
  if (source.kind === 'route') return startRoute(source.name, params, options)
  if (source.kind === 'page') return startPage(source.name, params, options.signal)
  const frame = frames[source.name]
  if (!frame) throw new RunRequestError('The Server Action frame is not on the page.')
  return startInFrame(frame, source.name, params)
}

/**
 * Runs one source of any kind with its own parameters picked from `values`:
 * starts it, then reads its timeline from the event stream. Only a Route
 * Handler run can be stopped mid-response (`options.stop`).
 */
export async function runSource(source: DemoSource, values: Record<string, number>, options: RunOptions, frames: ActionFrames = {}): Promise<CompletedRun> {
  const params = Object.fromEntries(Object.keys(paramsOf(source)).map((key) => [key, values[key]!]))
  const started = await start(source, params, options, frames)
  const { events, end } = await collectEvents(started.runId, options.signal)
  return { ...started, events, end }
}
