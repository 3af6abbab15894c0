import { useEffect, useRef, useState } from 'react'
import { align, type AlignedRun } from '../../../demos/client/align'
import { RunRequestError } from '../../../demos/client/run-client'
import type { ParamSpecs } from '../../../demos/engine/params'
import { scenarios } from '../../../demos/scenarios'
import { appSurfaces, type AppSurfaceName } from '../../../demos/scenarios/surfaces'
import { DrawnRuns } from '../DrawnRuns'
import { ParamForm, useParamForm } from '../ParamForm'
import { useRunSequence } from '../useRunSequence'
import { frameReady, runSource, whenMounted, type SurfaceSource } from './surface-client'
import { summaries, withComputedLimit, type SummaryKind } from './summaries'
import runStyles from '../RunDemo.module.css'
import styles from './SurfaceDemo.module.css'

type State =
  | { kind: 'idle' }
  | { kind: 'running'; title: string }
  | { kind: 'done'; runs: AlignedRun[]; values: Record<string, number> }
  | { kind: 'error'; message: string }

const specOf = (source: SurfaceSource) => (source.kind === 'route' ? scenarios[source.name] : appSurfaces[source.name])
const titleOf = (source: SurfaceSource) => ('title' in source && source.title) || specOf(source).title

export interface SurfaceDemoProps {
  sources: SurfaceSource[]
  summary?: SummaryKind
  /** Gives the visitor a fresh demo cookie before the runs, so the callbacks have one to read. */
  setsCookie?: boolean
}

/**
 * Runs demos on different Next.js surfaces (Route Handler, Server Component
 * page, Server Action) one after another and draws them on one time axis,
 * with the same timeline components as the rule page. A Server Action runs
 * inside a frame holding its App Router page; the frame is shown, so the
 * visitor sees where the call comes from.
 */
export default function SurfaceDemo({ sources, summary = 'response', setsCookie = false }: SurfaceDemoProps) {
  const specs: ParamSpecs = Object.assign({}, ...sources.map((source) => specOf(source).params))
  const form = useParamForm(specs)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [cookie, setCookie] = useState<string | null>(null)
  const submit = useRunSequence(form, (message) => setState({ kind: 'error', message }))
  const frames = useRef<Partial<Record<AppSurfaceName, HTMLIFrameElement>>>({})
  const ready = useRef<Partial<Record<AppSurfaceName, Promise<void>>>>({})
  const [dark, setDark] = useState(false)
  // The frames load the App Router's own runtime, so they mount only once the visitor runs the demo.
  const [framesShown, setFramesShown] = useState(false)
  const titles = Object.fromEntries(sources.map((source) => [source.name, titleOf(source)]))
  const actions = sources.filter((source) => source.kind === 'action')

  useEffect(() => setDark(document.documentElement.classList.contains('dark')), [])

  const run = submit(async (values, signal) => {
    if (setsCookie) {
      setState({ kind: 'running', title: 'setting a demo cookie' })
      const response = await fetch('/api/demo-cookie', { method: 'POST', signal })
      if (!response.ok) throw new RunRequestError(`Setting the demo cookie failed (HTTP ${response.status}).`)
      setCookie(((await response.json()) as { value: string }).value)
    }
    const runs: AlignedRun[] = []
    for (const source of sources) {
      setState({ kind: 'running', title: titleOf(source) })
      if (source.kind === 'action') {
        setFramesShown(true)
        // Waits for the frame to mount, then for it to say it is ready.
        await whenMounted(() => ready.current[source.name])
      }
      const aligned = align(await runSource(source, values, frames.current, signal))
      runs.push(summary === 'duration' ? withComputedLimit(aligned, values.limit) : aligned)
    }
    setState({ kind: 'done', runs, values })
  })

  return (
    <section
      className={runStyles.demo}
      aria-label={`Live demo: ${sources.map(titleOf).join(', ')}`}
      data-demo={sources.map((source) => source.name).join(' ')}
    >
      <ParamForm specs={specs} form={form} onSubmit={run}>
        <button type="submit" className={runStyles.run} disabled={state.kind === 'running'}>
          {state.kind === 'running' ? `Running: ${state.title}…` : state.kind === 'done' ? 'Run again' : 'Run the demo'}
        </button>
      </ParamForm>

      {(framesShown ? actions : []).map((source) => (
        <figure key={source.name} className={styles.frame}>
          <iframe
            ref={(element) => {
              if (!element || frames.current[source.name] === element) return
              frames.current[source.name] = element
              ready.current[source.name] = frameReady(element, source.name)
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

      <div role="status" aria-live="polite" className={runStyles.result} data-testid="demo-status">
        {state.kind === 'error' ? <p className={runStyles.error}>Error: {state.message}</p> : null}
        {state.kind === 'done'
          ? state.runs.map((aligned) => (
              <div key={aligned.run.runId} data-testid={`summary-${aligned.run.scenario}`} className={styles.summary}>
                {summaries[summary](aligned, titles[aligned.run.scenario] ?? aligned.run.scenario, state.values).map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </div>
            ))
          : null}
      </div>

      {state.kind === 'done' ? (
        <DrawnRuns runs={state.runs} titles={titles} />
      ) : null}
    </section>
  )
}
