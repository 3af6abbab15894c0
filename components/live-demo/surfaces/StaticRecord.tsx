import { useEffect, useState } from 'react'
import type { PageRecord, RecordedPage } from '../../../demos/http'
import runStyles from '../RunDemo.module.css'
import tableStyles from '../TimelineTable.module.css'
import styles from './StaticRecord.module.css'

type Records = Record<RecordedPage, PageRecord | null>
type State = { kind: 'loading' } | { kind: 'done'; records: Records; readAt: string } | { kind: 'error'; message: string }

const pages = [
  { key: 'static', path: '/demos/static', label: 'Static page' },
  { key: 'isr', path: '/demos/isr', label: 'ISR page, after() after an await' },
  { key: 'isr-early', path: '/demos/isr-early', label: 'ISR page, after() before any await' },
] as const

/**
 * An ISO time as `HH:MM:SS.mmm` (UTC), the whole value in `dateTime` and on
 * hover: four full timestamps a row made the table wider than a phone.
 */
function Clock({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {new Date(iso).toISOString().slice(11, 23)}
    </time>
  )
}

/** Every recorded run of the prerendered demo pages' after() callbacks, read from this deployment. */
export default function StaticRecord() {
  const [state, setState] = useState<State>({ kind: 'loading' })

  useEffect(() => {
    fetch('/api/static-record', { cache: 'no-store' })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`)
        setState({ kind: 'done', records: body as Records, readAt: new Date().toISOString() })
      })
      .catch((error: unknown) => setState({ kind: 'error', message: error instanceof Error ? error.message : 'Could not read the record.' }))
  }, [])

  return (
    <section className={runStyles.demo} aria-label="Live record: when the prerendered pages' after() callbacks ran" data-testid="static-record">
      {state.kind === 'loading' ? <p data-loading="">Reading the record from this deployment…</p> : null}
      {state.kind === 'error' ? <p className={runStyles.error}>Error: {state.message}</p> : null}
      {state.kind === 'done' ? (
        <div className={tableStyles.wrap}>
          {/* Outside the table: a caption scrolls sideways with a table wider than a phone, and is cut. */}
          <p className={tableStyles.legend}>
            Every time an after() callback of these pages ran on this deployment, as the callback wrote it down. Read by your
            browser at <Clock iso={state.readAt} />; times are UTC.
          </p>
          <div className={tableStyles.scroll}>
            <table className={`${tableStyles.table} ${styles.table}`}>
              <caption>Recorded after() callback runs</caption>
              <thead>
                <tr>
                  <th scope="col">Page</th>
                  <th scope="col">Rendered at</th>
                  <th scope="col">Callback ran at</th>
                  <th scope="col">Next.js phase</th>
                </tr>
              </thead>
              <tbody>
                {pages.flatMap(({ key, path, label }) =>
                  (state.records[key]?.runs ?? []).map((run) => (
                    <tr key={`${key}-${run.callbackRanAt}`} data-page={key}>
                      <td>
                        <a href={path}>{label}</a>
                      </td>
                      <td>
                        <Clock iso={run.renderedAt} />
                      </td>
                      <td>
                        <Clock iso={run.callbackRanAt} />
                      </td>
                      <td className={styles.phase}>
                        <code>{run.nextPhase ?? 'request (next start)'}</code>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  )
}
