import { useRef, useState, type FormEvent } from 'react'
import { align, effectAfterResponse, type AlignedRun } from '../../demos/client/align'
import { RunRequestError, runScenario } from '../../demos/client/run-client'
import type { ParamSpecs } from '../../demos/engine/params'
import { scenarios, type ScenarioName } from '../../demos/scenarios'
import { ms } from './format'
import { DrawnRuns } from './DrawnRuns'
import { ParamForm, useParamForm } from './ParamForm'
import styles from './RunDemo.module.css'

type State =
  | { kind: 'idle' }
  | { kind: 'running'; scenario: ScenarioName }
  | { kind: 'done'; runs: AlignedRun[] }
  | { kind: 'error'; message: string }

const titles: Record<string, string> = Object.fromEntries(Object.entries(scenarios).map(([name, s]) => [name, s.title]))

function specsOf(names: readonly ScenarioName[]): ParamSpecs {
  return Object.assign({}, ...names.map((name) => scenarios[name].params))
}

function describe(aligned: AlignedRun): string {
  const title = titles[aligned.run.scenario]
  const response = `the browser had the whole response after ${ms(aligned.run.browser.lastByte)}`
  const effect = effectAfterResponse(aligned)
  if (effect === undefined) return `${title}: ${response}.`
  const when =
    effect >= 0
      ? `the side effect finished ${ms(effect)} after that`
      : `the side effect had finished ${ms(-effect)} before that`
  return `${title}: ${response}; ${when} (± ${ms(aligned.margin)}).`
}

/**
 * Runs scenarios one after another with the same parameters (one at a time,
 * so they do not compete for the server) and draws them on one time axis.
 */
export default function RunDemo({ names }: { names: ScenarioName[] }) {
  const specs = specsOf(names)
  const form = useParamForm(specs)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const abort = useRef<AbortController | null>(null)

  async function run(event: FormEvent) {
    event.preventDefault()
    const checked = form.submit()
    if ('error' in checked) {
      setState({ kind: 'error', message: checked.error })
      return
    }
    const { values } = checked
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    const runs: AlignedRun[] = []
    try {
      for (const name of names) {
        setState({ kind: 'running', scenario: name })
        const own = Object.fromEntries(Object.keys(scenarios[name].params).map((key) => [key, values[key]!]))
        runs.push(align(await runScenario(name, own, controller.signal)))
      }
      setState({ kind: 'done', runs })
    } catch (error) {
      if (controller.signal.aborted) return
      const message = error instanceof RunRequestError ? error.message : 'Something went wrong while running the demo.'
      setState({ kind: 'error', message })
    }
  }

  return (
    <section className={styles.demo} aria-label="Live demo">
      <ParamForm specs={specs} form={form} onSubmit={run}>
        <button type="submit" className={styles.run} disabled={state.kind === 'running'}>
          {state.kind === 'running' ? `Running ${titles[state.scenario]}…` : state.kind === 'done' ? 'Run again' : 'Run the demo'}
        </button>
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
                {describe(aligned)}
              </p>
            ))
          : null}
      </div>

      {state.kind === 'done' ? (
        <DrawnRuns runs={state.runs} titles={titles} />
      ) : null}
    </section>
  )
}
