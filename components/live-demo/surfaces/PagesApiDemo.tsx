import { useState } from 'react'
import { callPagesApi, RunRequestError, type PagesApiOutcome } from '../../../demos/client'
import { useVersionChoice } from '../useVersionChoice'
import runStyles from '../RunDemo.module.css'
import styles from './PagesApiDemo.module.css'

/** "Next.js 16.4.6: ", as the response said, so results from two versions are told apart. */
const on = (outcome: PagesApiOutcome) => (outcome.nextVersion ? `Next.js ${outcome.nextVersion}: ` : '')

type State = { kind: 'idle' | 'running' } | { kind: 'done'; outcomes: PagesApiOutcome[] } | { kind: 'error'; message: string }

/** Calls the Pages Router API route on the chosen Next.js version(s) and shows what after() did there, as text. */
export default function PagesApiDemo() {
  const [state, setState] = useState<State>({ kind: 'idle' })
  const versions = useVersionChoice()

  async function run() {
    setState({ kind: 'running' })
    try {
      const chosen = await versions.resolve()
      if ('error' in chosen) throw new RunRequestError(chosen.error)
      const outcomes: PagesApiOutcome[] = []
      for (const { base } of chosen) outcomes.push(await callPagesApi(base))
      setState({ kind: 'done', outcomes })
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : 'The request failed.' })
    }
  }

  return (
    <section className={runStyles.demo} aria-label="Live demo: after() in a Pages Router API route" data-demo="pages-api">
      {versions.view}
      <button type="button" className={runStyles.run} onClick={run} disabled={state.kind === 'running'}>
        {state.kind === 'running' ? 'Calling…' : 'Call after() in pages/api'}
      </button>
      <div role="status" aria-live="polite" className={runStyles.summary} data-testid="pages-api-status">
        {state.kind === 'done'
          ? state.outcomes.map((outcome, index) => (
              <div key={index} data-next-version={outcome.nextVersion}>
                {outcome.afterThrew ? (
                  <>
                    <p>{on(outcome)}after() threw, synchronously, on this server just now. Its message:</p>
                    <pre className={styles.message} data-testid="pages-api-message">
                      {outcome.message}
                    </pre>
                  </>
                ) : (
                  <p>{on(outcome)}after() did not throw: this Next.js version behaves differently from what this page says.</p>
                )}
              </div>
            ))
          : null}
        {state.kind === 'error' ? <p className={runStyles.error}>Error: {state.message}</p> : null}
      </div>
    </section>
  )
}
