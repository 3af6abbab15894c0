import { EVENTS, SERVER_LANES, type Lane } from '../../demos/engine/timeline'
import { bars, missingLanes, type AlignedRun } from '../../demos/client'
import { ms, statusText } from './format'
import { runTitle } from './run-title'
import { useClock } from './useClock'
import styles from './TimelineChart.module.css'

/**
 * One place on the chart: a run, drawn as far as it is known. Without
 * `aligned` its response has not arrived yet; with `going` it is still going
 * and its open bars grow with the clock. `previous` is
 * the run drawn there before: dimmed until this one's response has arrived,
 * then hidden, still holding its height, so a re-run does not move the page.
 */
export interface ChartSlot {
  key: string
  scenario: string
  aligned?: AlignedRun
  /** While the run goes on (`performance.now()` values): when its request was sent, and when its latest news came. */
  going?: { sentAt: number; updatedAt: number }
  previous?: AlignedRun
}

type Tone = 'client' | 'server' | 'effect' | 'error' | 'stopped' | 'frozen' | 'limit' | 'missing'

interface Row {
  key: string
  label: string
  from: number
  to: number
  tone: Tone
  running: boolean
  /**
   * When the bar ends and how long it took, in words: the chart is read without its caption.
   * A running bar's words change only with news, not with the clock: only its width moves every frame.
   */
  figure: string
  marks: Array<{ at: number; label: string; seq: number }>
}

const wordsOf = (from: number, to: number, ended: string) => `${ms(to - from)} long, ${ended} at ${ms(to)}`

function serverRows(aligned: AlignedRun, now: number | undefined): Row[] {
  return bars(aligned, now).map((bar): Row => {
    const limit = aligned.events.find((event) => event.lane === bar.lane && event.type === EVENTS.limitReached)
    const tone: Tone = limit ? 'limit' : bar.cut ? 'frozen' : bar.outcome === 'error' ? 'error' : SERVER_LANES.has(bar.lane) ? 'server' : 'effect'
    const figure = bar.running
      ? `started at ${ms(bar.from)}, still running…`
      : bar.cut
        ? `✂ cut by the freeze at ${ms(bar.to)}, ${ms(bar.to - bar.from)} after it started; never finished`
        : limit
        ? `${(limit.t / 1000).toLocaleString('en-US')} s limit (computed), reached at ${ms(bar.to)}`
        : tone === 'error'
          ? `✕ failed: ${wordsOf(bar.from, bar.to, 'failed')}`
          : wordsOf(bar.from, bar.to, 'ended')
    // A callback registered more than once (a Cache Components shell renders twice per request) shares its lane's bar.
    const runs = tone === 'effect' ? aligned.events.filter((event) => event.lane === bar.lane && event.phase === 'start').length : 1
    return {
      key: bar.lane,
      label: `Server: ${bar.lane}`,
      from: bar.from,
      to: bar.to,
      tone,
      running: bar.running ?? false,
      figure: runs > 1 ? `${figure}; ran ${runs} times` : figure,
      marks: aligned.events
        .filter((event) => event.lane === bar.lane && event.phase === 'instant')
        .map((event) => ({ at: event.at, label: event.label, seq: event.seq })),
    }
  })
}

/** `now`: while the run goes on, ms since its request was sent. */
function rowsOf(aligned: AlignedRun | undefined, now: number | undefined, expected?: readonly Lane[]): Row[] {
  if (!aligned) {
    now ??= 0
    return [
      { key: 'browser', label: 'Browser: waiting for the response', from: 0, to: now, tone: 'client', running: true, figure: 'request sent at 0 ms', marks: [] },
    ]
  }
  const { browser: timing } = aligned.run
  const browser: Row = {
    key: 'browser',
    label: timing.stopped ? 'Browser: request → stopped' : 'Browser: request → last byte',
    from: 0,
    to: timing.lastByte,
    tone: timing.stopped ? 'stopped' : 'client',
    running: false,
    figure: timing.stopped ? `■ stopped by you at ${ms(timing.lastByte)}` : `response complete at ${ms(timing.lastByte)}`,
    marks: [],
  }
  const ended = aligned.run.end !== undefined
  const missing = missingLanes(aligned, expected).map(
    (lane): Row => ({
      key: lane,
      label: `Server: ${lane}`,
      from: 0,
      to: 0,
      tone: 'missing',
      running: false,
      figure: ended ? 'never ran: no event recorded' : 'not started yet',
      marks: [],
    }),
  )
  return [browser, ...serverRows(aligned, now), ...missing]
}

/** Round tick spacing that gives about five ticks across `span` ms. */
function tickStep(span: number): number {
  const raw = span / 5
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)))
  return [1, 2, 5, 10].map((f) => f * magnitude).find((step) => step >= raw) ?? magnitude * 10
}

/** While runs go on, the axis ends on a round figure, so it changes in a few steps rather than every frame. */
function roundUp(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(value, 1)))
  return ([1, 1.5, 2, 3, 5, 7.5, 10].map((f) => f * magnitude).find((end) => end >= value) ?? value)
}

/**
 * Every run on one time axis: what the browser saw, and what the server
 * recorded, moved onto the browser's clock, drawn as it happens. Positions are
 * transforms in units of the track's width, so bars that grow and an axis that
 * rescales move no layout. The numbers are also in the table beside it.
 */
export function TimelineChart({
  runs = [],
  slots = runs.map((aligned) => ({ key: aligned.run.runId, scenario: aligned.run.scenario, aligned })),
  titles,
  lanes = {},
}: {
  runs?: AlignedRun[]
  slots?: ChartSlot[]
  titles: Record<string, string>
  /** Per scenario, lanes to draw even when empty: a callback that never ran shows as "never ran". */
  lanes?: Record<string, readonly Lane[] | undefined>
}) {
  const live = slots.some((slot) => slot.going)
  // Only the chart re-renders with the clock: the rest of the demo changes when news arrives.
  const clock = useClock(live)
  const groups = slots.map((slot) => ({
    slot,
    current: rowsOf(slot.aligned, slot.going && (clock ?? slot.going.updatedAt) - slot.going.sentAt, lanes[slot.scenario]),
    previous: slot.previous && rowsOf(slot.previous, undefined, lanes[slot.scenario]),
  }))
  const drawn = groups.flatMap(({ current, previous }) => [...current, ...(previous ?? [])])
  const latest = Math.max(1, ...drawn.flatMap((row) => [row.to, ...row.marks.map((mark) => mark.at)]))
  const end = live ? roundUp(latest) : latest
  const step = tickStep(end)
  const ticks = Array.from({ length: Math.floor(end / step) + 1 }, (_, i) => i * step)
  /** A position on the track, in container units (1cqw is 1% of the track's width). */
  const at = (value: number) => `${(Math.min(Math.max(0, value), end) / end) * 100}cqw`

  const shown = slots.flatMap((slot) => [slot.aligned, slot.previous]).filter((aligned): aligned is AlignedRun => !!aligned)
  const margin = Math.max(0, ...shown.map((aligned) => aligned.margin))
  const tones = new Set(drawn.map((row) => row.tone))
  const hasMarks = drawn.some((row) => row.marks.length > 0)

  const group = (slot: ChartSlot, aligned: AlignedRun | undefined, rows: Row[], role: 'current' | 'previous') => {
    const response = aligned && !aligned.run.browser.stopped ? aligned.run.browser.lastByte : undefined
    const band = aligned?.margin ?? 0
    return (
      <div
        className={styles.group}
        data-slot={slot.scenario}
        data-role={role}
        data-ended={aligned?.run.end !== undefined ? '' : undefined}
        data-events={aligned?.events.length ?? 0}
      >
        <div className={styles.groupTitle}>
          {runTitle(aligned?.run.title ?? titles[slot.scenario] ?? slot.scenario, aligned?.run.nextVersion)}
          <span className={styles.status}>{aligned ? statusText(aligned.run) : 'request sent'}</span>
        </div>
        {rows.map((row) => (
          <div key={row.key} className={styles.row} data-row={row.key === 'browser' ? 'browser' : 'server'}>
            <div className={styles.label}>
              {row.label}
              <span className={styles.figure} data-figure="">
                {row.figure}
              </span>
            </div>
            <div className={styles.track}>
              {row.tone === 'missing' ? null : (
                <div
                  className={`${styles.bar} ${styles[row.tone]}`}
                  data-tone={row.tone}
                  data-running={row.running ? '' : undefined}
                  style={{ transform: `translateX(${at(row.from)})`, width: `max(2px, ${at(row.to - row.from)})` }}
                />
              )}
              {row.key !== 'browser' && row.tone !== 'missing' && !row.running && band * 2 >= end / 200 ? (
                // Cut at the axis's end, past which a narrow screen would scroll sideways; the caption gives the whole ± figure.
                <div className={styles.band} style={{ transform: `translateX(${at(row.to - band)})`, width: at(Math.min(band * 2, end - Math.max(0, row.to - band))) }} />
              ) : null}
              {/* Keyed by seq: one lane can log several marks with the same label (two "Audit log entry"s, say). */}
              {row.marks.map((mark) => (
                <div key={mark.seq} className={styles.mark} style={{ transform: `translateX(${at(mark.at)})` }} title={mark.label} />
              ))}
              {response === undefined ? null : <div className={styles.response} data-response-line="" style={{ transform: `translateX(${at(response)})` }} />}
            </div>
          </div>
        ))}
      </div>
    )
  }

  return (
    <figure className={styles.chartFigure}>
      <ul className={styles.legend} aria-label="Legend">
        <li>
          <span className={`${styles.swatch} ${styles.client}`} /> browser: request to response
        </li>
        {tones.has('server') ? (
          <li>
            <span className={`${styles.swatch} ${styles.server}`} /> server&apos;s own steps
          </li>
        ) : null}
        {tones.has('effect') ? (
          <li>
            <span className={`${styles.swatch} ${styles.effect}`} /> side effect
          </li>
        ) : null}
        {tones.has('error') ? (
          <li>
            <span className={`${styles.swatch} ${styles.error}`} /> ✕ failed (hatched)
          </li>
        ) : null}
        {tones.has('stopped') ? (
          <li>
            <span className={`${styles.swatch} ${styles.stopped}`} /> ■ stopped by you (dashed)
          </li>
        ) : null}
        {tones.has('frozen') ? (
          <li>
            <span className={`${styles.swatch} ${styles.frozen}`} /> ✂ cut by the freeze (dashed, thick end)
          </li>
        ) : null}
        {tones.has('limit') ? (
          <li>
            <span className={`${styles.swatch} ${styles.limit}`} /> computed limit (outlined, not a real cut)
          </li>
        ) : null}
        <li>
          <span className={styles.responseKey} /> response complete
        </li>
        {hasMarks ? (
          <li>
            <span className={styles.markKey} /> instant event (in the table below)
          </li>
        ) : null}
        <li>
          <span className={styles.bandKey} /> ± {ms(margin)}: how far a server time may be off
        </li>
      </ul>
      <div className={styles.chart} aria-hidden="true">
        {groups.map(({ slot, current, previous }) => (
          <div key={slot.key} className={styles.slot} data-dimmed={previous && !slot.aligned ? '' : undefined}>
            {previous ? group(slot, slot.previous, previous, 'previous') : null}
            {slot.aligned || !previous ? group(slot, slot.aligned, current, 'current') : null}
          </div>
        ))}
        <div className={styles.row}>
          <div className={styles.label} />
          <div className={styles.axis}>
            {ticks.map((tick) => (
              <span key={tick} className={styles.tick} style={{ transform: `translateX(calc(${at(tick)} - ${tick === 0 ? 0 : 50}%))` }}>
                {ms(tick)}
              </span>
            ))}
          </div>
        </div>
      </div>
      {/* Outside the hidden drawing: the link must stay reachable, and the margin is worth hearing. */}
      <figcaption className={styles.caption} data-testid="chart-margin">
        Times are on the browser&apos;s clock, from the moment it sent the request. Server bars can be off by up to ± {ms(margin)}
        {shown.length > 1 ? ' (the widest margin of these runs)' : ''}: <a href="/#how-measured">how this is measured</a>.
      </figcaption>
    </figure>
  )
}
