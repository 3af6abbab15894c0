import type { AlignedRun } from '../../demos/client'
import { ms, statusText } from './format'
import { runTitle } from './run-title'
import styles from './TimelineTable.module.css'

interface Row {
  key: string
  label: string
  clock: 'browser' | 'server'
  /** On the browser's axis. */
  at: number
  /** As the server recorded it, for server events. */
  server?: number
  detail: string
}

function rowsOf(aligned: AlignedRun): Row[] {
  const { browser } = aligned.run
  const last = browser.stopped
    ? `Response stopped by the visitor (${statusText(aligned.run)})`
    : `Last byte received (${statusText(aligned.run)})`
  const browserRows: Row[] = [
    { key: 'sent', label: 'Request sent', clock: 'browser', at: 0, detail: '' },
    { key: 'first', label: 'First byte received', clock: 'browser', at: browser.firstByte, detail: '' },
    { key: 'last', label: last, clock: 'browser', at: browser.lastByte, detail: '' },
  ]
  const serverRows = aligned.events.map(
    (event): Row => ({ key: `s${event.seq}`, label: event.label, clock: 'server', at: event.at, server: event.t, detail: event.detail ?? '' }),
  )
  return [...browserRows, ...serverRows].sort((a, b) => a.at - b.at)
}

/**
 * Every timestamp of every run, one table per run, for screen readers and for
 * anyone who wants the numbers. Folded by default: on a phone the rows are long.
 */
export function TimelineTable({ runs, titles }: { runs: AlignedRun[]; titles: Record<string, string> }) {
  const count = runs.reduce((sum, aligned) => sum + aligned.events.length + 3, 0)
  return (
    <details className={styles.wrap}>
      <summary>Every timestamp ({count})</summary>
      <p className={styles.legend}>
        Time is on the browser&apos;s axis: ms since the browser sent the request. Server time is as the server recorded it: ms
        since the request reached the handler.
      </p>
      {runs.map((aligned) => (
        <div key={aligned.run.runId} className={styles.scroll}>
          <table className={styles.table}>
            <caption>
              {runTitle(aligned.run.title ?? titles[aligned.run.scenario] ?? aligned.run.scenario, aligned.run.nextVersion)}: {statusText(aligned.run)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Clock</th>
                <th scope="col">Time</th>
                <th scope="col">Server time</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {rowsOf(aligned).map((row) => (
                <tr key={row.key}>
                  <td>{row.label}</td>
                  <td>{row.clock}</td>
                  <td className={styles.number}>{ms(row.at)}</td>
                  <td className={styles.number}>{row.server === undefined ? '' : `${row.server.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`}</td>
                  <td className={styles.detail}>{row.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </details>
  )
}
