import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { asDemoError, startAdmitted } from '../admission'
import type { RunRecorder } from '../engine'
import { appSurfaces, type AppSurfaceName } from '../scenarios'
import { appSurfaceEnd, appSurfaceOperations, type AppSurfaceOperations } from './app-surface'
import { claimRecorder, RUN_HEADER, startAdmission } from './live-recorders'
import { runBody } from './run-body'

/**
 * The run this page continues: the one its middleware started (the
 * middleware demo), or one started now from the admission its middleware
 * handed over (`demoPageRequest`). Undefined when middleware handed it
 * nothing: the request reached the page by a way middleware did not see as
 * this page.
 */
async function pageRun(name: AppSurfaceName, handed: string | null): Promise<RunRecorder | undefined> {
  if (appSurfaces[name].runStarts === 'middleware') return claimRecorder(handed)
  return startAdmission(handed, startAdmitted)
}

/**
 * Turns a demo body into a Server Component page. The page is dynamic (it
 * reads the request's headers), continues the run its middleware admitted,
 * and puts the run id in the HTML for the client that fetched it.
 */
export function demoPage(name: AppSurfaceName, body: (operations: AppSurfaceOperations) => Promise<ReactNode>) {
  return async function Page() {
    let recorder: RunRecorder | undefined
    try {
      recorder = await pageRun(name, (await headers()).get(RUN_HEADER))
    } catch (error) {
      // The run slots filled up between the middleware's admission and this render: the page has its 200 already.
      return <main role="alert">{asDemoError(error).message}</main>
    }
    if (!recorder) notFound()
    const run = recorder
    const content = await runBody(run, () => body(appSurfaceOperations(run, name)), appSurfaceEnd('Page component'))
    return <main data-run-id={run.id}>{content}</main>
  }
}
