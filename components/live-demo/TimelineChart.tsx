import { EVENTS, SERVER_LANES, type Lane } from '../../demos/engine/timeline'
import { bars, missingLanes, type AlignedRun } from '../../demos/client'
import { ms, statusText } from './format'
import styles from './TimelineChart.module.css'

interface Row {
  key: string
  label: string
  from: number
  to: number
  tone: 'client' | 'server' | 'effect' | 'error' | 'missing'
  /** What the figure at the bar's end says: its own length, or what a computed bar stands for. */
  figure: string
  marks: Array<{ at: number; label: string; seq: number }>
}

/** A bar's length, not its end: the axis gives positions, and an end figure reads as a duration anyway. */
const length = (from: number, to: number) => ms(to - from)

/** The computed maxDuration lane stands for a platform's limit, not for something that ran: it says so. */
function figureOf(aligned: AlignedRun, lane: Lane, from: number, to: number): string {
  const limit = aligned.events.find((event) => event.lane === lane && event.type === EVENTS.limitReached)
  return limit ? `${(limit.t / 1000).toLocaleString('en-US')} s limit` : length(from, to)
}

function rowsOf(aligned: AlignedRun, expected?: readonly Lane[]): Row[] {
  const { run } = aligned
  const browser: Row = {
    key: 'browser',
    label: run.browser.stopped ? 'Browser: request → stopped' : 'Browser: request → last byte',
    from: 0,
    to: run.browser.lastByte,
    tone: 'client',
    figure: length(0, run.browser.lastByte),
    marks: [],
  }
  const server = bars(aligned).map((bar): Row => ({
    key: bar.lane,
    label: `Server: ${bar.lane}`,
    from: bar.from,
    to: bar.to,
    tone: bar.outcome === 'error' ? 'error' : SERVER_LANES.has(bar.lane) ? 'server' : 'effect',
    figure: figureOf(aligned, bar.lane, bar.from, bar.to),
    marks: aligned.events
      .filter((event) => event.lane === bar.lane && event.phase === 'instant')
      .map((event) => ({ at: event.at, label: event.label, seq: event.seq })),
  }))
  const missing = missingLanes(aligned, expected).map(
    (lane): Row => ({ key: lane, label: `Server: ${lane}`, from: 0, to: 0, tone: 'missing', figure: '', marks: [] }),
  )
  return [browser, ...server, ...missing]
}

/** Round tick spacing that gives about five ticks across `span` ms. */
function tickStep(span: number): number {
  const raw = span / 5
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)))
  return [1, 2, 5, 10].map((f) => f * magnitude).find((step) => step >= raw) ?? magnitude * 10
}

/**
 * Every run on one time axis: what the browser saw, and what the server
 * recorded, moved onto the browser's clock. Drawing only; the numbers are in
 * the table beside it.
 */
export function TimelineChart({
  runs,
  titles,
  lanes = {},
}: {
  runs: AlignedRun[]
  titles: Record<string, string>
  /** Per scenario, lanes to draw even when empty: a callback that never ran shows as "never ran". */
  lanes?: Record<string, readonly Lane[] | undefined>
}) {
  const end = Math.max(1, ...runs.flatMap((aligned) => rowsOf(aligned).map((row) => row.to)))
  const step = tickStep(end)
  const ticks = Array.from({ length: Math.floor(end / step) + 1 }, (_, i) => i * step)
  const pct = (value: number) => `${(Math.max(0, value) / end) * 100}%`

  const margin = Math.max(0, ...runs.map((aligned) => aligned.margin))

  return (
    <figure className={styles.figure}>
      <div className={styles.chart} aria-hidden="true">
        {runs.map((aligned) => (
          <div key={aligned.run.runId} className={styles.group}>
            <div className={styles.groupTitle}>
              {titles[aligned.run.scenario] ?? aligned.run.scenario}
              <span className={styles.status}>{statusText(aligned.run)}</span>
            </div>
            {rowsOf(aligned, lanes[aligned.run.scenario]).map((row) => (
              <div key={row.key} className={styles.row}>
                <div className={styles.label}>{row.label}</div>
                <div className={styles.track}>
                  {row.tone === 'missing' ? <div className={styles.never}>never ran: no event recorded</div> : null}
                  {row.tone === 'missing' ? null : (
                    <div
                      className={`${styles.bar} ${styles[row.tone]}`}
                      data-tone={row.tone}
                      style={{ left: pct(row.from), width: `max(2px, ${pct(row.to - row.from)})` }}
                    />
                  )}
                  {/* Keyed by seq: one lane can log several marks with the same label (two "Audit log entry"s, say). */}
                  {row.marks.map((mark) => (
                    <div key={mark.seq} className={styles.mark} style={{ left: pct(mark.at) }} title={mark.label} />
                  ))}
                  {row.tone === 'missing' ? null : (
                    // After the last mark too: a mark past the bar's end (EVENTS.responseSent) would strike through the figure.
                    <div className={styles.endLabel} style={{ left: pct(Math.max(row.to, ...row.marks.map((mark) => mark.at))) }}>
                      {row.figure}
                    </div>
                  )}
                </div>
              </div>
            ))}
          </div>
        ))}
        <div className={styles.row}>
          <div className={styles.label} />
          <div className={styles.axis}>
            {ticks.map((tick) => (
              <span key={tick} className={styles.tick} style={{ left: pct(tick) }}>
                {ms(tick)}
              </span>
            ))}
          </div>
        </div>
      </div>
      {/* Outside the hidden drawing: the link must stay reachable, and the margin is worth hearing. */}
      <figcaption className={styles.caption} data-testid="chart-margin">
        Each figure is a bar&apos;s length; the axis gives when. Server bars can be off by up to ± {ms(margin)}
        {runs.length > 1 ? ' (the widest margin of these runs)' : ''} on the browser&apos;s clock:{' '}
        <a href="/#how-measured">how this is measured</a>.
      </figcaption>
    </figure>
  )
}
