import { startTransition, useRef, useState, type FormEvent } from 'react'
import type { ParamSpecs } from '../../demos/scenarios'
import {
  align,
  lanesOf,
  paramsOf,
  pinnedBase,
  runDemo,
  setDemoCookie,
  titleOf,
  withComputedLimit,
  type AlignedRun,
  type Demo,
  type Repeated,
  type RunProgress,
} from '../../demos/client'
import { RunRequestError } from '../../demos/client/run-error'
import { describeProgress } from './describe-run'
import { DrawnRuns } from './DrawnRuns'
import { ParamForm, useParamForm } from './ParamForm'
import { ReceiptButtons } from '../receipts/ReceiptButtons'
import { RepeatRuns } from './RepeatRuns'
import { summaries, type SummaryKind } from './summaries'
import type { ChartSlot } from './TimelineChart'
import { useActionFrames } from './useActionFrames'
import { runTitle } from './run-title'
import { useRunSequence } from './useRunSequence'
import { useVersionChoice } from './useVersionChoice'
import styles from './RunDemo.module.css'

/** One demo on one Next.js version (`base`, a catalogue `versions` entry's): what a sequence runs, one after another. */
interface Job {
  demo: Demo
  base: string
  key: string
}

interface State {
  phase: 'idle' | 'running' | 'done' | 'error'
  /** What the sequence now running runs, in order; `progress` has an entry per job as far as it has got. */
  jobs: Job[]
  progress: Array<RunProgress | undefined>
  /** When the last progress arrived (`performance.now()`): the clock under reduced motion. */
  updatedAt: number
  /** The last finished runs: drawn, dimmed, until the new ones replace them; one per job of `ranJobs`. */
  runs: AlignedRun[]
  ranJobs: Job[]
  /** The parameters of `runs`. */
  ranWith: Record<string, number>
  /** The parameters of the sequence now running. */
  values: Record<string, number>
  /** What the sequence is doing besides running demos (setting a cookie), or the error it ended with. */
  note?: string
  /** Said once, by the polite live region, when a sequence ends. */
  announcement: string
}

interface RunDemoProps {
  /** Any mix of Route Handler scenarios, App Router pages and Server Actions (called from their page, in a frame). */
  demos: Demo[]
  /** Adds a button that hangs up on the response mid-stream (Route Handler runs only). */
  stoppable?: boolean
  summary?: SummaryKind
  /** Gives the visitor a fresh demo cookie before the runs, so the callbacks have one to read. */
  setsCookie?: boolean
  /** Adds "Run N×": the Route Handler demos run N times, interleaved, and their response times drawn as a spread. */
  repeatable?: boolean
  /** What is wrong with the demo as the page has set it up (the playground's composition): said instead of running. */
  refusal?: string
}

/**
 * Every live demo: the parameter form and the Next.js version(s) kept in the
 * URL, the demos run one after another (on each version chosen) with the same parameters (one at a time, so they do not
 * compete for the server), drawn and described as they happen on one time
 * axis, and the result announced once. The Run button never moves nor loses
 * focus, and the last result stays, dimmed, until the new one replaces it.
 */
export default function RunDemo({ demos, stoppable = false, summary = 'response', setsCookie = false, repeatable = false, refusal }: RunDemoProps) {
  const specs: ParamSpecs = Object.assign({}, ...demos.map(paramsOf))
  const form = useParamForm(specs)
  const [state, setState] = useState<State>({ phase: 'idle', jobs: [], progress: [], updatedAt: 0, runs: [], ranJobs: [], ranWith: {}, values: {}, announcement: '' })
  const versions = useVersionChoice()
  // Run N× is running: one kind of run at a time, so neither's timing is the other's noise.
  const [repeating, setRepeating] = useState(false)
  const [cookie, setCookie] = useState<string | null>(null)
  const stopper = useRef<AbortController | null>(null)
  const frames = useActionFrames(demos)
  const running = state.phase === 'running'
  const busy = running || repeating
  // A field's error is shown beside it; the live region says it too, once.
  const submit = useRunSequence(form, (message, where) =>
    setState((last) => ({ ...last, phase: 'error', progress: [], note: where === 'run' ? `Error: ${message}` : undefined, announcement: `Error: ${message}` })),
  )
  const titles = Object.fromEntries(demos.map((demo) => [demo.name, titleOf(demo)]))
  // Demos that run on one server of their own (Cache Components) need no version choice.
  const everyDemoPinned = demos.every((demo) => pinnedBase(demo) !== undefined)
  const lanes = Object.fromEntries(demos.map((demo) => [demo.name, lanesOf(demo)]))
  const aligned = (run: RunProgress['run'], values: Record<string, number>) =>
    run && (summary === 'duration' ? withComputedLimit(align(run), values.limit) : align(run))

  // Transitions: React draws the news in slices, so no update is one long task on a slow phone.
  const update = (next: (last: State) => State) => startTransition(() => setState(next))

  const onSubmit = submit(async (values, signal) => {
    if (refusal) throw new RunRequestError(refusal)
    const chosen = everyDemoPinned ? [] : await versions.resolve()
    if ('error' in chosen) throw new RunRequestError(chosen.error)
    // Per demo, each version in turn: the runs of one demo on both versions are drawn next to each other.
    const jobs = demos.flatMap((demo, index) => {
      const pinned = pinnedBase(demo)
      return (pinned === undefined ? chosen.map(({ base }) => base) : [pinned]).map((base) => ({ demo, base, key: `${index}:${demo.name}${base}` }))
    })
    update((last) => ({ ...last, phase: 'running', jobs, progress: [], values, note: undefined, updatedAt: performance.now() }))
    if (setsCookie) {
      setState((last) => ({ ...last, note: 'Setting a demo cookie…' }))
      setCookie(await setDemoCookie(signal))
      setState((last) => ({ ...last, note: undefined }))
    }
    const runs: AlignedRun[] = []
    for (const [index, { demo, base }] of jobs.entries()) {
      const stop = new AbortController()
      stopper.current = stop
      const onProgress = (progress: RunProgress) =>
        update((last) => ({ ...last, progress: Object.assign([...last.progress], { [index]: progress }), updatedAt: performance.now() }))
      const completed = await runDemo(demo, values, { signal, stop: stop.signal, onProgress, base }, await frames.prepare(demo, base))
      runs.push(aligned(completed, values)!)
    }
    const announcement = runs
      .flatMap((run) => summaries[summary](run, titled(run), values, lanes[run.run.scenario]))
      .join(' ')
    update((last) => ({ ...last, phase: 'done', progress: [], runs, ranJobs: jobs, ranWith: values, announcement }))
  })
  const onRun = (event: FormEvent) => {
    // aria-disabled, not disabled: the button keeps the focus, so it must refuse here.
    if (busy) event.preventDefault()
    else void onSubmit(event)
  }
  const titled = (run: AlignedRun) => runTitle(run.run.title ?? titles[run.run.scenario] ?? run.run.scenario, run.run.nextVersion)

  // While running: the new jobs, each beside the last run of the same demo on the same version, if there was one.
  const previousOf = (key: string) => state.runs[state.ranJobs.findIndex((job) => job.key === key)]
  const shownJobs = running ? state.jobs : state.ranJobs
  const slots: ChartSlot[] = shownJobs.map(({ demo, key }, index) => {
    const progress = running ? state.progress[index] : undefined
    const previous = running ? previousOf(key) : state.runs[index]
    if (!running || !progress) return { key, scenario: demo.name, aligned: running ? undefined : previous, previous: running ? previous : undefined }
    const going = progress.run?.end ? undefined : { sentAt: progress.sentAt, updatedAt: state.updatedAt }
    return { key, scenario: demo.name, aligned: aligned(progress.run, state.values), going, previous }
  })
  const drawn = running || state.runs.length > 0

  return (
    <section className={styles.demo} aria-label={`Live demo: ${demos.map(titleOf).join(', ')}`} data-demo={demos.map((demo) => demo.name).join(' ')}>
      {everyDemoPinned ? null : versions.view}
      <ParamForm specs={specs} form={form} onSubmit={onRun}>
        <button type="submit" className={styles.run} aria-disabled={busy} aria-busy={running}>
          {running ? 'Running…' : state.runs.length > 0 ? 'Run again' : 'Run the demo'}
        </button>
        {stoppable ? (
          <button type="button" className={styles.stop} aria-disabled={!running} onClick={() => running && stopper.current?.abort()}>
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
      {state.note ? (
        <p className={state.phase === 'error' ? styles.error : styles.note} data-testid="demo-note">
          {state.note}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className={styles.announcement} data-testid="demo-announcement">
        {state.phase === 'done' || state.phase === 'error' ? state.announcement : ''}
      </div>

      {drawn ? (
        <DrawnRuns slots={slots} runs={state.runs} done={state.phase === 'done'} titles={titles} lanes={lanes}>
          <div className={styles.result} data-testid="demo-status" data-phase={state.phase}>
            {shownJobs.map(({ demo, key }, index) => {
              const progress = running ? state.progress[index] : undefined
              const previous = running ? previousOf(key) : state.runs[index]
              const title = titleOf(demo)
              return (
                <div key={key} className={styles.summarySlot} data-dimmed={running && !progress ? '' : undefined}>
                  {previous ? (
                    <div data-testid={running ? undefined : `summary-${demo.name}`} data-role={running ? 'previous' : 'current'} className={styles.summary}>
                      {summaries[summary](previous, titled(previous), state.ranWith, lanes[demo.name]).map((line, i) => (
                        <p key={i}>{line}</p>
                      ))}
                    </div>
                  ) : null}
                  {progress ? (
                    <div data-testid={`progress-${demo.name}`} data-role="current" className={styles.summary}>
                      <p>{describeProgress(aligned(progress.run, state.values), runTitle(title, progress.run?.nextVersion))}</p>
                    </div>
                  ) : null}
                </div>
              )
            })}
          </div>
        </DrawnRuns>
      ) : null}
      {state.phase === 'done' ? <ReceiptButtons runs={state.runs.map((aligned) => aligned.run)} /> : null}
      {repeatable ? (
        <RepeatRuns
          scenarios={demos.flatMap((demo): Repeated[] => (demo.kind === 'route' ? [demo.name] : demo.kind === 'compose' ? [demo] : []))}
          titles={titles}
          form={form}
          resolveVersions={versions.resolve}
          refusal={refusal}
          blocked={running}
          onRunning={setRepeating}
        />
      ) : null}
    </section>
  )
}
