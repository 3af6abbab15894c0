import { useRef, useState, type ReactNode } from 'react'
import { align, type AlignedRun } from '../../demos/client/align'
import type { RunOptions } from '../../demos/client/run-client'
import type { ParamSpecs } from '../../demos/scenarios'
import { DrawnRuns } from './DrawnRuns'
import { ParamForm, useParamForm } from './ParamForm'
import { useRunSequence } from './useRunSequence'
import { lanesOf, paramsOf, runSource, titleOf, type SurfaceSource } from './surfaces/surface-client'
import { summaries, type SummaryKind } from './surfaces/summaries'
import styles from './RunDemo.module.css'

type State =
  | { kind: 'idle' }
  /** `doing`: the button's text meanwhile. */
  | { kind: 'running'; doing: string }
  | { kind: 'done'; runs: AlignedRun[]; values: Record<string, number> }
  | { kind: 'error'; message: string }

interface RunDemoProps {
  sources: SurfaceSource[]
  /** Adds a button that hangs up on the response mid-stream (Route Handler runs only). */
  stoppable?: boolean
  summary?: SummaryKind
  /** A step before the runs: what the button says meanwhile, and the step itself. */
  before?: { doing: string; run(signal: AbortSignal): Promise<void> }
  /** Runs one source; by default `runSource` without frames, which covers Route Handlers and pages. */
  run?: (source: SurfaceSource, values: Record<string, number>, options: RunOptions) => Promise<AlignedRun>
  /** Shown between the form and the results: a demo's frames, say. */
  children?: ReactNode
}

const runWithoutFrames = async (source: SurfaceSource, values: Record<string, number>, options: RunOptions) =>
  align(await runSource(source, values, options))

/**
 * Every live demo: the parameter form kept in the URL, the sources run one
 * after another with the same parameters (one at a time, so they do not
 * compete for the server), each run described in words in a live region and
 * all drawn on one time axis.
 */
export default function RunDemo({ sources, stoppable = false, summary = 'response', before, run = runWithoutFrames, children }: RunDemoProps) {
  const specs: ParamSpecs = Object.assign({}, ...sources.map(paramsOf))
  const form = useParamForm(specs)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const stopper = useRef<AbortController | null>(null)
  const submit = useRunSequence(form, (message) => setState({ kind: 'error', message }))
  const titles = Object.fromEntries(sources.map((source) => [source.name, titleOf(source)]))
  const lanes = Object.fromEntries(sources.map((source) => [source.name, lanesOf(source)]))

  const onSubmit = submit(async (values, signal) => {
    if (before) {
      setState({ kind: 'running', doing: before.doing })
      await before.run(signal)
    }
    const runs: AlignedRun[] = []
    for (const source of sources) {
      setState({ kind: 'running', doing: `Running ${titleOf(source)}…` })
      const stop = new AbortController()
      stopper.current = stop
      runs.push(await run(source, values, { signal, stop: stop.signal }))
    }
    setState({ kind: 'done', runs, values })
  })

  return (
    <section className={styles.demo} aria-label={`Live demo: ${sources.map(titleOf).join(', ')}`} data-demo={sources.map((source) => source.name).join(' ')}>
      <ParamForm specs={specs} form={form} onSubmit={onSubmit}>
        <button type="submit" className={styles.run} disabled={state.kind === 'running'}>
          {state.kind === 'running' ? state.doing : state.kind === 'done' ? 'Run again' : 'Run the demo'}
        </button>
        {stoppable ? (
          <button type="button" className={styles.stop} disabled={state.kind !== 'running'} onClick={() => stopper.current?.abort()}>
            Stop the stream
          </button>
        ) : null}
      </ParamForm>
      <p className={styles.note}>
        The critical work and the side effect are simulated with timers of the lengths you set; everything else is measured
        as it happens, on this deployment.
      </p>
      {children}

      <div role="status" aria-live="polite" className={styles.result} data-testid="demo-status">
        {state.kind === 'error' ? <p className={styles.error}>Error: {state.message}</p> : null}
        {state.kind === 'done'
          ? state.runs.map((aligned) => {
              const name = aligned.run.scenario
              return (
                <div key={aligned.run.runId} data-testid={`summary-${name}`} className={styles.summary}>
                  {summaries[summary](aligned, titles[name] ?? name, state.values, lanes[name]).map((line, i) => (
                    <p key={i}>{line}</p>
                  ))}
                </div>
              )
            })
          : null}
      </div>

      {state.kind === 'done' ? <DrawnRuns runs={state.runs} titles={titles} lanes={lanes} /> : null}
    </section>
  )
}
