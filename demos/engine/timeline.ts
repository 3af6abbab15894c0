/**
 * The vocabulary of a run's timeline. Every event carries enough for a client
 * to draw it (lane, phase, label) without knowing which scenario produced it.
 */

/** Where an event is drawn: one horizontal bar per lane. */
export type Lane = string

/**
 * `start`/`end` delimit a bar in a lane; `instant` is a single tick.
 * A lane's bar runs from its first `start` to its last `end`.
 */
export type Phase = 'start' | 'end' | 'instant'

export type Outcome = 'ok' | 'error'

export interface TimelineEvent {
  /** Order of recording within the run, from 0. Also the SSE event id. */
  seq: number
  /** Milliseconds since the request reached the handler, on the server's monotonic clock. */
  t: number
  /** Machine-readable name, e.g. `effect.finished`. */
  type: string
  label: string
  lane: Lane
  phase: Phase
  outcome?: Outcome
  /** Extra text for the visitor (an error message, a status code). Always shown as text. */
  detail?: string
}

export type NewTimelineEvent = Omit<TimelineEvent, 'seq' | 't'>

export type RunStatus = 'running' | 'complete' | 'expired'

/**
 * How a run's event stream ends: with the run's final status, or with
 * `stream-lifetime` when the stream's own time limit runs out first.
 */
export type StreamEnd = Exclude<RunStatus, 'running'> | 'stream-lifetime'

/** What a subscriber receives: each event in order, then exactly one end marker. */
export type RunMessage =
  | { kind: 'event'; event: TimelineEvent }
  | { kind: 'end'; status: StreamEnd }

/** Rounds to 0.1 ms: finer digits would only be clock noise. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10
