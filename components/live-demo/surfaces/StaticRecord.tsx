import { useEffect, useState } from 'react'
import type { CallbackRun, PageRecord, RecordedPage } from '../../../demos/operations'
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

const pageLinks: Record<RecordedPage, { path: string; label: string }> = {
  static: { path: '/demos/static', label: 'Static page' },
  isr: { path: '/demos/isr', label: 'ISR page, after() after an await' },
  'isr-early': { path: '/demos/isr-early', label: 'ISR page, after() before any await' },
  'cache-components': { path: '/demos/cache-components', label: 'Cache Components page, after() in the shell' },
}

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
async function readRecord({ base }: Pick<ServedVersion, 'base'>, signal: AbortSignal): Promise<VersionRecord> {
  const response = await fetch(`${base}/api/static-record`, { cache: 'no-store', signal })
  const body = await response.json()
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`)
  const nextVersion = response.headers.get('X-Next-Version')
  if (!nextVersion) throw new Error('The demo server did not name its Next.js version.')
  return { nextVersion, base, records: body as Records }
}

interface StaticRecordProps {
  /** Whose records to show: the static and ISR demo pages by default. */
  pages?: readonly RecordedPage[]
  /** Read this demo server alone (the Cache Components one) rather than the Next.js versions chosen. */
  base?: string
  /** Show the build's rows and only this many of the latest request rows (a page whose callback runs per request). */
  recent?: number
}

/** The build's runs, how many of the others were left out, then the latest `recent` of them. */
function shownRuns(runs: readonly CallbackRun[], recent: number | undefined): { builds: CallbackRun[]; hidden: number; requests: CallbackRun[] } {
  const builds = runs.filter((run) => run.nextPhase !== null)
  const requests = runs.filter((run) => run.nextPhase === null)
  const shown = recent === undefined ? requests : requests.slice(-recent)
  return { builds, hidden: requests.length - shown.length, requests: shown }
}

/**
 * Every recorded run of the prerendered demo pages' after() callbacks, read
 * from this deployment, on the Next.js version(s) chosen (kept in `?next=`,
 * as every live demo's), or on the one demo server `base` names: each build
 * and server keeps its own record.
 */
export default function StaticRecord({ pages = ['static', 'isr', 'isr-early'], base, recent }: StaticRecordProps) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  // Bumped by "Read the record again": the record grows as pages are visited, and a visitor runs them in between.
  const [rereads, setRereads] = useState(0)
  const versions = useVersionChoice('Read the record of')
  const chosen = base === undefined ? versions.chosen : [{ base }]
  // The versions chosen, as a value: `chosen` is a new array on every render.
  const chosenKey = chosen === undefined ? undefined : 'error' in chosen ? chosen.error : chosen.map(({ base }) => base).join(' ')

  useEffect(() => {
    if (chosen === undefined) return
    if ('error' in chosen) return setState({ kind: 'error', message: chosen.error })
    const controller = new AbortController()
    // Read again: the last record stays in place until the new one replaces it.
    setState((last) => (rereads > 0 && last.kind === 'done' ? last : { kind: 'loading' }))
    Promise.all(chosen.map((version) => readRecord(version, controller.signal)))
      .then((reads) => setState({ kind: 'done', reads, readAt: new Date().toISOString() }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', message: error instanceof Error ? error.message : 'Could not read the record.' })
      })
    return () => controller.abort()
  }, [chosenKey, rereads]) // `chosen` as a value: read again only when the choice changes, or when asked

  // One page needs no page column; a Cache Components shell may not read the clock as it prerenders, so it has no render time.
  const pageColumn = pages.length > 1
  const renderColumn = pages.some((page) => page !== 'cache-components')
  const columns = 2 + Number(pageColumn) + Number(renderColumn)

  return (
    <section
      className={runStyles.demo}
      aria-label={`Live record: when the ${base === undefined ? "prerendered pages'" : "Cache Components shell's"} after() callbacks ran`}
      data-testid={base === undefined ? 'static-record' : 'shell-record'}
    >
      {base === undefined ? versions.view : null}
      {state.kind === 'loading' ? <p data-loading="">Reading the record from this deployment…</p> : null}
      {state.kind === 'error' ? <p className={runStyles.error}>Error: {state.message}</p> : null}
      {state.kind === 'done' ? (
        <div className={tableStyles.wrap}>
          {/* Outside the table: a caption scrolls sideways with a table wider than a phone, and is cut. */}
          <p className={tableStyles.legend}>
            Every time an after() callback of these pages ran on this deployment, as the callback wrote it down. Read by your
            browser at <Clock iso={state.readAt} />; times are UTC.{' '}
            <button type="button" className={runStyles.stop} onClick={() => setRereads((count) => count + 1)}>
              Read the record again
            </button>
          </p>
          <div className={tableStyles.scroll}>
            <table className={`${tableStyles.table} ${styles.table}`}>
              <caption>Recorded after() callback runs</caption>
              <thead>
                <tr>
                  {pageColumn ? <th scope="col">Page</th> : null}
                  {renderColumn ? <th scope="col">Rendered at</th> : null}
                  <th scope="col">Callback ran at</th>
                  <th scope="col">Next.js phase</th>
                </tr>
              </thead>
              {/* A group per version, headed by it: a column of its own pushed the phase off a phone's screen. */}
              {state.reads.map(({ nextVersion, base, records }) => (
                <tbody key={nextVersion}>
                  <tr>
                    <th scope="rowgroup" colSpan={columns} className={styles.version}>
                      Next.js {nextVersion}
                    </th>
                  </tr>
                  {pages.flatMap((key) => {
                    const { builds, hidden, requests } = shownRuns(records[key]?.runs ?? [], recent)
                    const row = (run: CallbackRun, index: number) => (
                      // Two renders of one shell can record the same millisecond.
                      <tr key={`${key}-${run.callbackRanAt}-${index}`} data-page={key} data-next-version={nextVersion}>
                        {pageColumn ? (
                          <td>
                            <a href={`${base}${pageLinks[key].path}`}>{pageLinks[key].label}</a>
                          </td>
                        ) : null}
                        {renderColumn ? <td>{run.renderedAt ? <Clock iso={run.renderedAt} /> : null}</td> : null}
                        <td>
                          <Clock iso={run.callbackRanAt} />
                        </td>
                        <td className={styles.phase}>
                          <code>{run.nextPhase ?? 'request (next start)'}</code>
                        </td>
                      </tr>
                    )
                    return [
                      ...builds.map(row),
                      ...(hidden > 0
                        ? [
                            <tr key={`${key}-hidden`}>
                              <td colSpan={columns}>
                                {hidden} earlier request {hidden === 1 ? 'row' : 'rows'} kept, not shown
                              </td>
                            </tr>,
                          ]
                        : []),
                      ...requests.map((run, index) => row(run, builds.length + index)),
                    ]
                  })}
                </tbody>
              ))}
            </table>
          </div>
        </div>
      ) : null}
    </section>
  )
}
