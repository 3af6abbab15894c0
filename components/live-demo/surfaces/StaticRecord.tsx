import { useEffect, useState } from 'react'
import type { PageRecord, RecordedPage } from '../../../demos/http'
import type { ServedVersion } from '../../../demos/versions'
import runStyles from '../RunDemo.module.css'
import tableStyles from '../TimelineTable.module.css'
import { useVersionChoice } from '../useVersionChoice'
import styles from './StaticRecord.module.css'

type Records = Record<RecordedPage, PageRecord | null>
/** One version's record, labelled with the Next.js that answered for it; its pages are under its `base`. */
interface VersionRecord {
  nextVersion: string
  base: string
  records: Records
}
type State = { kind: 'loading' } | { kind: 'done'; reads: VersionRecord[]; readAt: string } | { kind: 'error'; message: string }

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

/** A version's record from the server at its `base`, labelled with the version that server names (`X-Next-Version`). */
async function readRecord({ base, next }: ServedVersion, signal: AbortSignal): Promise<VersionRecord> {
  const response = await fetch(`${base}/api/static-record`, { cache: 'no-store', signal })
  const body = await response.json()
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`)
  return { nextVersion: response.headers.get('X-Next-Version') ?? next, base, records: body as Records }
}

/**
 * Every recorded run of the prerendered demo pages' after() callbacks, read
 * from this deployment, on the Next.js version(s) chosen (kept in `?next=`,
 * as every live demo's): each version's build and server keep their own record.
 */
export default function StaticRecord() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const versions = useVersionChoice('Read the record of')
  const { chosen } = versions
  // The versions chosen, as a value: `chosen` is a new array on every render.
  const chosenKey = chosen === undefined ? undefined : 'error' in chosen ? chosen.error : chosen.map(({ base }) => base).join(' ')

  useEffect(() => {
    if (chosen === undefined) return
    if ('error' in chosen) return setState({ kind: 'error', message: chosen.error })
    const controller = new AbortController()
    setState({ kind: 'loading' })
    Promise.all(chosen.map((version) => readRecord(version, controller.signal)))
      .then((reads) => setState({ kind: 'done', reads, readAt: new Date().toISOString() }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', message: error instanceof Error ? error.message : 'Could not read the record.' })
      })
    return () => controller.abort()
  }, [chosenKey]) // `chosen` as a value: read again only when the choice changes

  return (
    <section className={runStyles.demo} aria-label="Live record: when the prerendered pages' after() callbacks ran" data-testid="static-record">
      {versions.view}
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
              {/* A group per version, headed by it: a column of its own pushed the phase off a phone's screen. */}
              {state.reads.map(({ nextVersion, base, records }) => (
                <tbody key={nextVersion}>
                  <tr>
                    <th scope="rowgroup" colSpan={4} className={styles.version}>
                      Next.js {nextVersion}
                    </th>
                  </tr>
                  {pages.flatMap(({ key, path, label }) =>
                    (records[key]?.runs ?? []).map((run) => (
                      <tr key={`${key}-${run.callbackRanAt}`} data-page={key} data-next-version={nextVersion}>
                        <td>
                          <a href={`${base}${path}`}>{label}</a>
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
              ))}
            </table>
          </div>
        </div>
      ) : null}
    </section>
  )
}
