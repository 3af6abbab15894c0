import { useRef, useState } from 'react'
import type { ParamSpecs } from '../../demos/scenarios'
import {
  align,
  lanesOf,
  paramsOf,
  runDemo,
  setDemoCookie,
  titleOf,
  withComputedLimit,
  type AlignedRun,
  type Demo,
} from '../../demos/client'
import { DrawnRuns } from './DrawnRuns'
import { ParamForm, useParamForm } from './ParamForm'
import { summaries, type SummaryKind } from './summaries'
import { useActionFrames } from './useActionFrames'
import { useRunSequence } from './useRunSequence'
import styles from './RunDemo.module.css'

type State =
  | { kind: 'idle' }
  /** `doing`: the button's text meanwhile. */
  | { kind: 'running'; doing: string }
  | { kind: 'done'; runs: AlignedRun[]; values: Record<string, number> }
  | { kind: 'error'; message: string }

interface RunDemoProps {
  /** Any mix of Route Handler scenarios, App Router pages and Server Actions (called from their page, in a frame). */
  demos: Demo[]
  /** Adds a button that hangs up on the response mid-stream (Route Handler runs only). */
  stoppable?: boolean
  summary?: SummaryKind
  /** Gives the visitor a fresh demo cookie before the runs, so the callbacks have one to read. */
  setsCookie?: boolean
}

/**
 * Every live demo: the parameter form kept in the URL, the demos run one
 * after another with the same parameters (one at a time, so they do not
 * compete for the server), each run described in words in a live region and
 * all drawn on one time axis.
 */
export default function RunDemo({ demos, stoppable = false, summary = 'response', setsCookie = false }: RunDemoProps) {
  const specs: ParamSpecs = Object.assign({}, ...demos.map(paramsOf))
  const form = useParamForm(specs)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [cookie, setCookie] = useState<string | null>(null)
  const stopper = useRef<AbortController | null>(null)
  const frames = useActionFrames(demos)
  const submit = useRunSequence(form, (message) => setState({ kind: 'error', message }))
  const titles = Object.fromEntries(demos.map((demo) => [demo.name, titleOf(demo)]))
  const lanes = Object.fromEntries(demos.map((demo) => [demo.name, lanesOf(demo)]))

  const onSubmit = submit(async (values, signal) => {
    if (setsCookie) {
      setState({ kind: 'running', doing: 'Setting a demo cookie…' })
      setCookie(await setDemoCookie(signal))
    }
    const runs: AlignedRun[] = []
    for (const demo of demos) {
      setState({ kind: 'running', doing: `Running ${titleOf(demo)}…` })
      const stop = new AbortController()
      stopper.current = stop
      const aligned = align(await runDemo(demo, values, { signal, stop: stop.signal }, await frames.prepare(demo)))
      runs.push(summary === 'duration' ? withComputedLimit(aligned, values.limit) : aligned)
    }
    setState({ kind: 'done', runs, values })
  })

  return (
    <section className={styles.demo} aria-label={`Live demo: ${demos.map(titleOf).join(', ')}`} data-demo={demos.map((demo) => demo.name).join(' ')}>
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
      {frames.view}
      {cookie ? (
        <p className={styles.note} data-testid="demo-cookie">
          Your demo cookie for this run: <code>{cookie}</code> (HttpOnly, SameSite=Lax; it identifies nothing but this demo).
        </p>
      ) : null}

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
