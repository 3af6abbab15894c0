import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { cache, type ReactNode } from 'react'
import { asDemoError, startAdmitted } from '../admission'
import type { RunRecorder } from '../engine'
import { appSurfaces, type AppSurfaceName } from '../scenarios'
import { appSurfaceEnd, appSurfaceOperations, type AppSurfaceOperations } from './app-surface'
import { bodyEnded, claimRecorder, RUN_HEADER, startAdmission } from './live-recorders'
import { rememberPart } from './request-part'
import { runBody } from './run-body'

/**
 * The run this request continues: the one its middleware started (the
 * middleware demo), or one started now from the admission its middleware
 * handed over (`demoPageRequest`). Undefined when middleware handed it
 * nothing: the request reached the page by a way middleware did not see as
 * this page. Cached for the request (React's `cache`), so that a layout, its
 * page and `generateMetadata` all continue the one run.
 */
const requestRun = cache(async (name: AppSurfaceName): Promise<RunRecorder | undefined> => {
  const handed = (await headers()).get(RUN_HEADER)
  if (appSurfaces[name].runStarts === 'middleware') return claimRecorder(handed)
  return startAdmission(handed, startAdmitted)
})

/**
 * The run, or why there is none to render in its place: the run slots filled
 * up between the middleware's admission and this render (the page has its
 * 200 already, so the refusal goes in the page). Told apart by shape, not
 * `instanceof`: the middleware demo's run was made by the middleware bundle's
 * own copy of the recorder class.
 */
async function runOrRefusal(name: AppSurfaceName): Promise<RunRecorder | { refusal: string }> {
  let run: RunRecorder | undefined
  try {
    run = await requestRun(name)
  } catch (error) {
    return { refusal: asDemoError(error).message }
  }
  return run ?? notFound()
}

/** Runs one part of the request's render (the page, a layout, `generateMetadata`) as its part of the run, ended whatever happens. */
async function runPart<T>(run: RunRecorder, name: AppSurfaceName, what: string, body: (operations: AppSurfaceOperations) => Promise<T>): Promise<T> {
  const operations = appSurfaceOperations(run, name)
  rememberPart(run.id, operations)
  try {
    return await runBody(run, () => body(operations), appSurfaceEnd(what))
  } finally {
    bodyEnded(run)
  }
}

const refused = (refusal: string) => <main role="alert">{refusal}</main>

/** What a page's route gives it: its dynamic segments' values. */
type Segments = Record<string, string>

const isSurface = (name: string): name is AppSurfaceName => Object.hasOwn(appSurfaces, name)

/**
 * Turns a demo body into a Server Component page. The page is dynamic (it
 * reads the request's headers), continues the run its middleware admitted,
 * and puts the run id in the HTML for the client that fetched it. `name` is
 * the surface, or a function of the route's dynamic segments for a page that
 * serves several; a segment naming no surface has no run, so a 404.
 */
export function demoPage<S extends Segments = Segments>(
  name: AppSurfaceName | ((segments: S) => string),
  body: (operations: AppSurfaceOperations, segments: S) => Promise<ReactNode>,
) {
  return async function Page({ params }: { params: Promise<S> }) {
    const segments = await params
    const surface = typeof name === 'function' ? name(segments) : name
    if (!isSurface(surface)) notFound()
    const run = await runOrRefusal(surface)
    if ('refusal' in run) return refused(run.refusal)
    const content = await runPart(run, surface, 'Page component', (operations) => body(operations, segments))
    return <main data-run-id={run.id}>{content}</main>
  }
}

/**
 * Turns a demo body into the part of a Cache Components page that renders per
 * request: a component the page puts inside `<Suspense>`, around the page's
 * prerendered shell. It reads the request (the run its middleware handed
 * over), so it must be inside the boundary; it carries the run id for the
 * client, as a demo page does.
 */
export function demoSuspended(name: AppSurfaceName, body: (operations: AppSurfaceOperations) => Promise<ReactNode>) {
  return async function Suspended() {
    const run = await runOrRefusal(name)
    if ('refusal' in run) return refused(run.refusal)
    const content = await runPart(run, name, 'Suspended component', body)
    return <div data-run-id={run.id}>{content}</div>
  }
}

/** Turns a demo body into a layout of its own route segment, part of the same run as the page it wraps. */
export function demoLayout(name: AppSurfaceName, body: (operations: AppSurfaceOperations, children: ReactNode) => Promise<ReactNode>) {
  return async function Layout({ children }: { children: ReactNode }) {
    const run = await runOrRefusal(name)
    if ('refusal' in run) return refused(run.refusal)
    return runPart(run, name, 'Layout', (operations) => body(operations, children))
  }
}

/** Turns a demo body into a page's `generateMetadata`, part of the same run as the page. */
export function demoMetadata(name: AppSurfaceName, body: (operations: AppSurfaceOperations) => Promise<Metadata>) {
  return async function generateMetadata(): Promise<Metadata> {
    const run = await runOrRefusal(name)
    // The page renders the refusal; the metadata has nothing to add.
    if ('refusal' in run) return {}
    return runPart(run, name, 'generateMetadata', body)
  }
}
