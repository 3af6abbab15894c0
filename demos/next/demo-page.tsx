import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { asDemoError } from '../engine/errors'
import { runBody } from '../run-body'
import type { AppSurfaceName } from '../scenarios/surfaces'
import { startSurfaceRun, surfaceEnd, surfaceOperations, type SurfaceOperations } from './demo-surface'
import { liveRecorder, RUN_HEADER } from './live-recorders'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

function toQuery(values: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) query.append(key, one)
  }
  return query.toString()
}

/**
 * Turns a demo body into a Server Component page. The page is dynamic (it
 * reads its query), records its run, and puts the run id in the HTML for the
 * client that fetched it. The middleware demo's page continues the run its
 * middleware started instead of starting one.
 */
export function demoPage(name: AppSurfaceName, body: (operations: SurfaceOperations) => Promise<ReactNode>) {
  return async function Page({ searchParams }: { searchParams: SearchParams }) {
    const query = toQuery(await searchParams)
    let recorder
    try {
      const handedOver = name === 'middleware' ? liveRecorder((await headers()).get(RUN_HEADER)) : undefined
      recorder = handedOver ?? (await startSurfaceRun(name, query))
    } catch (error) {
      // Middleware already answers bad parameters with a 400; this covers a refused run (rate limit, busy).
      const refused = asDemoError(error)
      return (
        <main className="surface" data-error={refused.code}>
          <p>{refused.message}</p>
        </main>
      )
    }
    const content = await runBody(recorder, () => body(surfaceOperations(recorder, name)), surfaceEnd('Page component'))
    return (
      <main className="surface" data-run-id={recorder.id}>
        {content}
      </main>
    )
  }
}
