import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import type { AppSurfaceName } from '../scenarios'
import { appSurfaceEnd, appSurfaceOperations, type AppSurfaceOperations } from './app-surface'
import { liveRecorder, RUN_HEADER } from './live-recorders'
import { runBody } from './run-body'

/**
 * Turns a demo body into a Server Component page. The page is dynamic (it
 * reads the request's headers), continues the run its middleware admitted
 * (`demoPageRequest`, or the middleware demo's own), and puts the run id in
 * the HTML for the client that fetched it.
 */
export function demoPage(name: AppSurfaceName, body: (operations: AppSurfaceOperations) => Promise<ReactNode>) {
  return async function Page() {
    const recorder = liveRecorder((await headers()).get(RUN_HEADER))
    if (!recorder) throw new Error(`No run was handed to the ${name} page: its run is admitted in middleware (demos/next/demo-middleware.ts).`)
    const content = await runBody(recorder, () => body(appSurfaceOperations(recorder, name)), appSurfaceEnd('Page component'))
    return <main data-run-id={recorder.id}>{content}</main>
  }
}
