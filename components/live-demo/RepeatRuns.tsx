import { startTransition, useEffect, useId, useRef, useState } from 'react'
import { MAX_TIMES, median, medianRuns, percentile, repeatRuns, RunRequestError, type Repeated, type Sample } from '../../demos/client'
import type { ServedVersion } from '../../demos/versions'
import { ReceiptButtons } from '../receipts/ReceiptButtons'
import type { ParamFormState } from './ParamForm'
import { ms } from './format'
import { runTitle } from './run-title'
import styles from './RepeatRuns.module.css'
import runStyles from './RunDemo.module.css'

type Phase = 'idle' | 'running' | 'done' | 'stopped' | 'error'

interface State {
  phase: Phase
  samples: Sample[]
  total: number
  /** The versions the runs are on, by base. */
  bases: string[]
  /** While waiting out a rate limit: how long, in seconds. */
  waiting?: number
  message?: string
}

interface Spread {
  scenario: string
  /** The version's base; its name is what the runs' responses reported. */
  base: string
  key: string
  title: string
  values: number[]
  median: number
  p95: number
}

/** How many times one median is another, in words. */
const times = (ratio: number) => `${ratio.toLocaleString('en-US', { maximumFractionDigits: 1 })}×`

/**
 * Runs the compared Route Handler demos N times with the form's parameters,
 * interleaved, and draws each one's response times: every run a dot, its
 * median and p95 marked, then the medians and how many times one is another.
 * One run shows what happened; N show how much it varies.
 */
export function RepeatRuns({
  scenarios,
  titles,
  form,
  resolveVersions,
  refusal,
  blocked = false,
  onRunning,
}: {
  scenarios: Repeated[]
  titles: Record<string, string>
  form: ParamFormState
  /** The versions to run on (the demo's choice, once the catalogue has answered), or what is wrong with it; the site's own when absent. */
  resolveVersions?: () => Promise<ServedVersion[] | { error: string }>
  /** What is wrong with the demo as the page has set it up (the playground's composition): said instead of running, as the demo's Run says it. */
  refusal?: string
  /** Another run of the demo is going on: this one must not start beside it. */
  blocked?: boolean
  /** Told when this starts and stops running, so the demo's own Run refuses meanwhile. */
  onRunning?: (running: boolean) => void
}) {
  const id = useId()
  const [count, setCount] = useState('10')
  const [state, setDrawn] = useState<State>({ phase: 'idle', samples: [], total: 0, bases: [''] })
  // Transitions: React draws each new dot in slices, so no update is one long task on a slow phone.
  const setState = (next: State | ((last: State) => State)) => startTransition(() => setDrawn(next))
  const controller = useRef<AbortController | null>(null)
  const running = state.phase === 'running'
  useEffect(() => onRunning?.(running), [running, onRunning])
  const busy = running || blocked
  const n = Number(count)
  const valid = Number.isInteger(n) && n >= 2 && n <= MAX_TIMES
  const label = valid ? `Run ${n}×` : 'Run N×'

  async function start() {
    if (busy) return
    // Waited for, as the demo's Run waits: a press before the catalogue answered would run on the site's version alone.
    const versions = refusal ? undefined : await resolveVersions?.()
    const refused = refusal ?? (versions && 'error' in versions ? versions.error : undefined)
    if (refused) {
      setState({ phase: 'error', samples: [], total: 0, bases: [''], message: refused })
      return
    }
    if (!valid) {
      setState({ phase: 'error', samples: [], total: 0, bases: [''], message: `Times must be a whole number from 2 to ${MAX_TIMES}.` })
      return
    }
    const checked = form.submit()
    if ('error' in checked) return
    const bases = versions && !('error' in versions) ? versions.map((version) => version.base) : ['']
    const stop = new AbortController()
    controller.current = stop
    setState({ phase: 'running', samples: [], total: n * scenarios.length * bases.length, bases })
    try {
      await repeatRuns(scenarios, checked.values, n, {
        signal: stop.signal,
        bases,
        onSample: (sample) => setState((last) => ({ ...last, samples: [...last.samples, sample], waiting: undefined })),
        onWait: (seconds) => setState((last) => ({ ...last, waiting: seconds })),
      })
      setState((last) => ({ ...last, phase: 'done', waiting: undefined }))
    } catch (error) {
      if (stop.signal.aborted) setState((last) => ({ ...last, phase: 'stopped', waiting: undefined }))
      else setState((last) => ({ ...last, phase: 'error', waiting: undefined, message: error instanceof RunRequestError ? error.message : 'A run failed.' }))
    }
  }

  // One row per scenario and version run on.
  const names = scenarios.map((one) => (typeof one === 'string' ? one : one.name))
  const spreads: Spread[] = names.flatMap((scenario) =>
    state.bases.map((base) => {
      const own = state.samples.filter((sample) => sample.scenario === scenario && sample.base === base)
      const values = own.map((sample) => sample.ms)
      const title = runTitle(titles[scenario] ?? scenario, own.find((sample) => sample.nextVersion)?.nextVersion)
      return { scenario, base, key: `${scenario}${base}`, title, values, median: median(values), p95: percentile(values, 95) }
    }),
  )
  const end = Math.max(1, ...state.samples.map((sample) => sample.ms))
  const at = (value: number) => `translateX(${(value / end) * 100}cqw)`
  const finished = spreads.filter((spread) => spread.values.length > 0)
  const fastest = finished.reduce<Spread | undefined>((best, spread) => (!best || spread.median < best.median ? spread : best), undefined)
  const progress = `${state.samples.length} of ${state.total} runs`

  return (
    <div className={styles.repeat} data-testid="repeat" data-phase={state.phase}>
      <div className={styles.controls}>
        <div className={styles.times}>
          <label htmlFor={`${id}-times`}>Times (2-{MAX_TIMES})</label>
          <input id={`${id}-times`} type="number" inputMode="numeric" min={2} max={MAX_TIMES} step={1} value={count} onChange={(e) => setCount(e.target.value)} />
        </div>
        {/* Once it refused (or failed), the button is described by why, so a screen reader on it hears the reason too. */}
        <button
          type="button"
          className={runStyles.run}
          aria-disabled={busy}
          aria-busy={running}
          aria-describedby={state.phase === 'error' ? `${id}-progress` : undefined}
          onClick={start}
        >
          {label}
        </button>
        <button type="button" className={runStyles.stop} aria-disabled={!running} onClick={() => running && controller.current?.abort()}>
          Stop
        </button>
      </div>
      <p className={runStyles.note}>
        Each demo runs {valid ? n : 'N'} times with the parameters above, taking turns, one request at a time, so whatever else the
        machine is doing slows them alike. Each dot is one response time.
      </p>
      {state.phase === 'idle' ? null : (
        <>
          <p id={`${id}-progress`} className={state.phase === 'error' ? runStyles.error : styles.progress} data-testid="repeat-progress">
            {state.phase === 'running' ? (
              <>
                <progress max={state.total} value={state.samples.length} aria-label="Runs done" /> {progress}
                {state.waiting !== undefined ? `; the server asked to wait ${state.waiting} s (rate limit)…` : '…'}
              </>
            ) : state.phase === 'stopped' ? (
              `Stopped after ${progress}.`
            ) : state.phase === 'error' ? (
              `Error: ${state.message}`
            ) : (
              `Done: ${progress}.`
            )}
          </p>
          {/* Refused before any run (as Run refuses, it draws no chart): the reason alone, without an empty plot under it. */}
          <figure className={styles.figure} hidden={state.phase === 'error' && state.samples.length === 0}>
            <div className={styles.plot} aria-hidden="true">
              {spreads.map((spread) => (
                <div key={spread.key} className={styles.row} data-repeat-row={spread.scenario}>
                  <div className={styles.label}>{spread.title}</div>
                  <div className={styles.track}>
                    {spread.values.map((value, i) => (
                      <span key={i} className={styles.dot} data-point="" style={{ transform: at(value) }} />
                    ))}
                    {spread.values.length > 0 ? (
                      <>
                        <span className={`${styles.stat} ${styles.median}`} style={{ transform: at(spread.median) }} />
                        <span className={`${styles.stat} ${styles.p95}`} style={{ transform: at(spread.p95) }} />
                      </>
                    ) : null}
                  </div>
                </div>
              ))}
              <div className={styles.row}>
                <div className={styles.label} />
                <div className={styles.axis}>
                  <span>0 ms</span>
                  <span>{ms(end)}</span>
                </div>
              </div>
            </div>
            <figcaption className={styles.caption}>
              <span className={styles.key}>
                <span className={styles.dotKey} /> one run
              </span>
              <span className={styles.key}>
                <span className={styles.medianKey} /> median
              </span>
              <span className={styles.key}>
                <span className={styles.p95Key} /> p95
              </span>
            </figcaption>
          </figure>
          <ul className={styles.figures} data-testid="repeat-figures">
            {finished.map((spread) => (
              <li key={spread.key}>
                {spread.title}: median {ms(spread.median)}, p95 {ms(spread.p95)} ({spread.values.length}{' '}
                {spread.values.length === 1 ? 'run' : 'runs'})
                {fastest && spread !== fastest && fastest.median > 0 ? `; its median is ${times(spread.median / fastest.median)} that of ${fastest.title}` : ''}
              </li>
            ))}
          </ul>
          {state.phase === 'done' ? <ReceiptButtons runs={medianRuns(state.samples, names)} /> : null}
        </>
      )}
    </div>
  )
}
