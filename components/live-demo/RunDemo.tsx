import { useRef, useState } from 'react'
import { align, type AlignedRun } from '../../demos/client/align'
import { runScenario } from '../../demos/client/run-client'
import type { ParamSpecs } from '../../demos/engine/params'
import { scenarios, type ScenarioName } from '../../demos/scenarios'
import { DrawnRuns } from './DrawnRuns'
import { describeRun } from './describe-run'
import { ParamForm, useParamForm } from './ParamForm'
import { useRunSequence } from './useRunSequence'
import styles from './RunDemo.module.css'

type State =
  | { kind: 'idle' }
  | { kind: 'running'; scenario: ScenarioName }
  | { kind: 'done'; runs: AlignedRun[] }
  | { kind: 'error'; message: string }

const titles: Record<string, string> = Object.fromEntries(Object.entries(scenarios).map(([name, s]) => [name, s.title]))
const lanes: Record<string, readonly string[] | undefined> = Object.fromEntries(
  Object.entries(scenarios).map(([name, s]) => [name, 'lanes' in s ? s.lanes : undefined]),
)

function specsOf(names: readonly ScenarioName[]): ParamSpecs {
  return Object.assign({}, ...names.map((name) => scenarios[name].params))
}

/**
 * Runs scenarios one after another with the same parameters (one at a time,
 * so they do not compete for the server) and draws them on one time axis.
 */
export default function RunDemo({ names, stoppable = false }: { names: ScenarioName[]; stoppable?: boolean }) {
  const specs = specsOf(names)
  const form = useParamForm(specs)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const stopper = useRef<AbortController | null>(null)
  const submit = useRunSequence(form, (message) => setState({ kind: 'error', message }))

  const run = submit(async (values, signal) => {
    const runs: AlignedRun[] = []
    for (const name of names) {
      setState({ kind: 'running', scenario: name })
      const own = Object.fromEntries(Object.keys(scenarios[name].params).map((key) => [key, values[key]!]))
      const stop = new AbortController()
      stopper.current = stop
      runs.push(align(await runScenario(name, own, { signal, stop: stop.signal })))
    }
    setState({ kind: 'done', runs })
  })

  return (
    <section className={styles.demo} aria-label={`Live demo: ${names.map((name) => titles[name]).join(', ')}`} data-demo={names.join(' ')}>
      <ParamForm specs={specs} form={form} onSubmit={run}>
        <button type="submit" className={styles.run} disabled={state.kind === 'running'}>
          {state.kind === 'running' ? `Running ${titles[state.scenario]}…` : state.kind === 'done' ? 'Run again' : 'Run the demo'}
        </button>
        {stoppable ? (
          <button
            type="button"
            className={styles.stop}
            disabled={state.kind !== 'running'}
            onClick={() => stopper.current?.abort()}
          >
            Stop the stream
          </button>
        ) : null}
      </ParamForm>
      <p className={styles.note}>
        The critical work and the side effect are simulated with timers of the lengths you set; everything else is measured
        as it happens, on this deployment.
      </p>

      <div role="status" aria-live="polite" className={styles.result} data-testid="demo-status">
        {state.kind === 'error' ? <p className={styles.error}>Error: {state.message}</p> : null}
        {state.kind === 'done'
          ? state.runs.map((aligned) => (
              <p key={aligned.run.runId} data-testid={`summary-${aligned.run.scenario}`}>
                {describeRun(aligned, titles[aligned.run.scenario]!, lanes[aligned.run.scenario])}
              </p>
            ))
          : null}
      </div>

      {state.kind === 'done' ? <DrawnRuns runs={state.runs} titles={titles} lanes={lanes} /> : null}
    </section>
  )
}
