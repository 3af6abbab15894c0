import { useState } from 'react'
import { callPagesApi, type PagesApiOutcome } from '../../../demos/client'
import runStyles from '../RunDemo.module.css'
import styles from './PagesApiDemo.module.css'

type State = { kind: 'idle' | 'running' } | ({ kind: 'done' } & PagesApiOutcome) | { kind: 'error'; message: string }

/** Calls the Pages Router API route and shows what after() did there, as text. */
export default function PagesApiDemo() {
  const [state, setState] = useState<State>({ kind: 'idle' })

  async function run() {
    setState({ kind: 'running' })
    try {
      setState({ kind: 'done', ...(await callPagesApi()) })
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : 'The request failed.' })
    }
  }

  return (
    <section className={runStyles.demo} aria-label="Live demo: after() in a Pages Router API route" data-demo="pages-api">
      <button type="button" className={runStyles.run} onClick={run} disabled={state.kind === 'running'}>
        {state.kind === 'running' ? 'Calling…' : 'Call after() in pages/api'}
      </button>
      <div role="status" aria-live="polite" className={runStyles.summary} data-testid="pages-api-status">
        {state.kind === 'done' && state.afterThrew ? (
          <>
            <p>after() threw, synchronously, on this server just now. Its message:</p>
            <pre className={styles.message} data-testid="pages-api-message">
              {state.message}
            </pre>
          </>
        ) : null}
        {state.kind === 'done' && !state.afterThrew ? <p>after() did not throw: this Next.js version behaves differently from what this page says.</p> : null}
        {state.kind === 'error' ? <p className={runStyles.error}>Error: {state.message}</p> : null}
      </div>
    </section>
  )
}
