import type { AlignedRun } from '../../demos/client/align'
import { ms, statusText } from './format'
import styles from './TimelineTable.module.css'

/** Every timestamp of every run, for screen readers and for anyone who wants the numbers. */
export function TimelineTable({ runs, titles }: { runs: AlignedRun[]; titles: Record<string, string> }) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption>
          Every timestamp, on the browser&apos;s axis (ms since the browser sent the request). Server times are also given as
          recorded: ms since the request reached the handler.
        </caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Event</th>
            <th scope="col">Clock</th>
            <th scope="col">Time</th>
            <th scope="col">Server time</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {runs.flatMap((aligned) => {
            const title = titles[aligned.run.scenario] ?? aligned.run.scenario
            const browserRows = [
              { key: 'sent', label: 'Request sent', at: 0 },
              { key: 'first', label: 'First byte received', at: aligned.run.browser.firstByte },
              {
                key: 'last',
                label: aligned.run.browser.stopped
                  ? `Response stopped by the visitor (${statusText(aligned.run)})`
                  : `Last byte received (${statusText(aligned.run)})`,
                at: aligned.run.browser.lastByte,
              },
            ].map((row) => ({ ...row, clock: 'browser', server: undefined as number | undefined, detail: '' }))
            const serverRows = aligned.events.map((event) => ({
              key: `s${event.seq}`,
              label: event.label,
              at: event.at,
              clock: 'server',
              server: event.t,
              detail: event.detail ?? '',
            }))
            return [...browserRows, ...serverRows]
              .sort((a, b) => a.at - b.at)
              .map((row) => (
                <tr key={`${aligned.run.runId}-${row.key}`}>
                  <td>{title}</td>
                  <td>{row.label}</td>
                  <td>{row.clock}</td>
                  <td className={styles.number}>{ms(row.at)}</td>
                  <td className={styles.number}>{row.server === undefined ? '' : `${row.server.toFixed(1)} ms`}</td>
                  <td className={styles.detail}>{row.detail}</td>
                </tr>
              ))
          })}
        </tbody>
      </table>
    </div>
  )
}
