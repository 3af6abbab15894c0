import { EVENTS, isSideEffectEvent, type Lane, type Outcome, type TimelineEvent } from '../engine/timeline'
import type { RunSoFar } from './run'

/**
 * Puts a run's server events on the browser's time axis.
 *
 * For a streamed body the pair compared is the browser's first byte and the
 * server's first chunk (Next.js sends the headers with it): the body's length
 * is the stream's, not network time.
 *
 * The browser measures the whole exchange (request sent to last byte); the
 * server measures from request received to handler return. The rest of the
 * exchange, `slack`, is network, framework and transfer time, split between
 * the way there and the way back in an unknown ratio. Assuming half each way
 * places the server's t=0 at `slack / 2` on the browser's axis, wrong by at
 * most `slack / 2` either way: that is the error margin shown with every result.
 *
 * A run still going is aligned the same way from the events so far; until the
 * event it is aligned by has arrived, its server events wait (`events` empty).
 */
export interface AlignedRun {
  run: RunSoFar
  /** Where the server's t=0 falls on the browser axis. */
  offset: number
  /** The most `offset` can be wrong by, either way. */
  margin: number
  /** Server events moved onto the browser axis. */
  events: Array<TimelineEvent & { at: number }>
}

export function align(run: RunSoFar): AlignedRun {
  const returned = run.events.find((event) => event.type === EVENTS.responseReturned || event.type === EVENTS.handlerThrew)
  const firstChunk = run.events.find((event) => event.type === EVENTS.streamChunk)
  if (run.end === undefined && !returned && !firstChunk) return { run, offset: 0, margin: 0, events: [] }
  const [browserMs, serverMs] = firstChunk ? [run.browser.firstByte, firstChunk.t] : [run.browser.lastByte, returned?.t ?? 0]
  const slack = Math.max(0, browserMs - serverMs)
  const offset = slack / 2
  return { run, offset, margin: slack / 2, events: run.events.map((event) => ({ ...event, at: offset + event.t })) }
}

export interface Bar {
  lane: Lane
  from: number
  to: number
  outcome: Outcome
  /** A start without its end yet: the bar reaches `now` and grows with it. */
  running?: boolean
  /** A start that never ended: the (emulated) platform froze the process here. */
  cut?: boolean
}

/**
 * One bar per lane: from its first start to its last end, on the browser axis.
 * `now` (on the same axis) is given while the run goes on: a lane with a start
 * and no end yet runs to it.
 */
export function bars(aligned: AlignedRun, now?: number): Bar[] {
  const byLane = new Map<Lane, Bar & { open: number }>()
  for (const event of aligned.events) {
    if (event.phase === 'instant') continue
    const bar = byLane.get(event.lane) ?? { lane: event.lane, from: event.at, to: event.at, outcome: 'ok' as const, open: 0 }
    bar.from = Math.min(bar.from, event.at)
    bar.to = Math.max(bar.to, event.at)
    bar.open += event.phase === 'start' ? 1 : -1
    if (event.outcome === 'error') bar.outcome = 'error'
    byLane.set(event.lane, bar)
  }
  const frozen = aligned.events.find((event) => event.type === EVENTS.instanceFrozen)
  return [...byLane.values()].map(({ open, ...bar }) => {
    if (open <= 0) return bar
    if (frozen) return { ...bar, to: Math.max(bar.to, frozen.at), cut: true }
    return now !== undefined ? { ...bar, to: Math.max(bar.to, now), running: true } : bar
  })
}

/** Lanes a scenario names that recorded nothing in this run: callbacks that never ran. */
export function missingLanes(aligned: AlignedRun, expected: readonly Lane[] = []): Lane[] {
  return expected.filter((lane) => !aligned.events.some((event) => event.lane === lane))
}

/** The end (finished or failed) of every side effect, in the order they ended. */
export function sideEffectEnds(aligned: AlignedRun): AlignedRun['events'] {
  return aligned.events.filter((event) => isSideEffectEvent(event.type) && event.phase === 'end')
}

/** When the last side effect ended, relative to the browser's last byte (positive: after the response). */
export function effectAfterResponse(aligned: AlignedRun): number | undefined {
  const ends = sideEffectEnds(aligned)
  const last = ends[ends.length - 1]
  return last ? last.at - aligned.run.browser.lastByte : undefined
}
