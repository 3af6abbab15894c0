import { useEffect, useRef, useState } from 'react'
import { align } from '../../../demos/client/align'
import { RunRequestError, type RunOptions } from '../../../demos/client/run-client'
import { appSurfaces, type AppSurfaceName } from '../../../demos/scenarios'
import RunDemo from '../RunDemo'
import { frameReady, runSource, settledLater, titleOf, type SurfaceSource } from './surface-client'
import { withComputedLimit, type SummaryKind } from './summaries'
import runStyles from '../RunDemo.module.css'
import styles from './SurfaceDemo.module.css'

/**
 * Runs demos on different Next.js surfaces (Route Handler, Server Component
 * page, Server Action) through the same RunDemo as the rule page. A Server
 * Action runs inside a frame holding its App Router page; the frame is shown,
 * so the visitor sees where the call comes from.
 */
export default function SurfaceDemo({
  sources,
  summary = 'response',
  setsCookie = false,
}: {
  sources: SurfaceSource[]
  summary?: SummaryKind
  /** Gives the visitor a fresh demo cookie before the runs, so the callbacks have one to read. */
  setsCookie?: boolean
}) {
  const [cookie, setCookie] = useState<string | null>(null)
  const frames = useRef<Partial<Record<AppSurfaceName, HTMLIFrameElement>>>({})
  // Per Server Action frame: settles once the frame has mounted and said it is ready.
  const ready = useRef<Partial<Record<AppSurfaceName, ReturnType<typeof settledLater<unknown>>>>>({})
  const readyOf = (name: AppSurfaceName) => (ready.current[name] ??= settledLater())
  const [dark, setDark] = useState(false)
  // The frames load the App Router's own runtime, so they mount only once the visitor runs the demo.
  const [framesShown, setFramesShown] = useState(false)
  const actions = sources.filter((source) => source.kind === 'action')

  useEffect(() => setDark(document.documentElement.classList.contains('dark')), [])

  const run = async (source: SurfaceSource, values: Record<string, number>, options: RunOptions) => {
    if (source.kind === 'action') {
      setFramesShown(true)
      await readyOf(source.name).promise
    }
    const aligned = align(await runSource(source, values, options, frames.current))
    return summary === 'duration' ? withComputedLimit(aligned, values.limit) : aligned
  }

  const setDemoCookie = async (signal: AbortSignal) => {
    const response = await fetch('/api/demo-cookie', { method: 'POST', signal })
    if (!response.ok) throw new RunRequestError(`Setting the demo cookie failed (HTTP ${response.status}).`)
    setCookie(((await response.json()) as { value: string }).value)
  }

  return (
    <RunDemo
      sources={sources}
      summary={summary}
      run={run}
      before={setsCookie ? { doing: 'Setting a demo cookie…', run: setDemoCookie } : undefined}
    >
      {(framesShown ? actions : []).map((source) => (
        <figure key={source.name} className={styles.frame}>
          <iframe
            ref={(element) => {
              if (!element || frames.current[source.name] === element) return
              frames.current[source.name] = element
              readyOf(source.name).settle(frameReady(element, source.name))
            }}
            src={`${appSurfaces[source.name].path}#${dark ? 'dark' : 'light'}`}
            title={`${titleOf(source)}: App Router page that calls the Server Action`}
            loading="eager"
          />
          <figcaption>
            This frame is an App Router page, <code>{appSurfaces[source.name].path}</code>. The Server Action is called from it, as
            your own client component would call it; it reports what it measured back to this page.
          </figcaption>
        </figure>
      ))}

      {cookie ? (
        <p className={runStyles.note} data-testid="demo-cookie">
          Your demo cookie for this run: <code>{cookie}</code> (HttpOnly, SameSite=Lax; it identifies nothing but this demo).
        </p>
      ) : null}
    </RunDemo>
  )
}
