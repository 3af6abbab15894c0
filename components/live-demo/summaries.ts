import { EVENTS, type EventType, type Lane } from '../../demos/engine/timeline'
import type { AlignedRun } from '../../demos/client'
import { describeRun } from './describe-run'
import { ms } from './format'

/** How a demo describes each run in words, under its chart. */
export type SummaryKind = 'response' | 'middleware' | 'context' | 'duration'

const find = (aligned: AlignedRun, type: EventType) => aligned.events.find((event) => event.type === type)

/** `lanes`: the callbacks the run's scenario expects, so one that never ran is named. */
type Summary = (aligned: AlignedRun, title: string, values: Record<string, number>, lanes?: readonly Lane[]) => string[]

const response: Summary = (aligned, title, _values, lanes) => [describeRun(aligned, title, lanes)]

const middleware: Summary = (aligned, title, values, lanes) => {
  const started = find(aligned, EVENTS.effectStarted)
  if (!started) return response(aligned, title, values, lanes)
  const before = aligned.run.browser.firstByte - started.at
  const where = before >= 0 ? `${ms(before)} before the browser received the page's first byte` : `${ms(-before)} after the page's first byte`
  return [`${title}: the after() callback started ${where} (± ${ms(aligned.margin)}), while the page was still rendering.`]
}

/** Everything the callback logged or caught, as text: these values come from the visitor's own request. */
const context: Summary = (aligned, title) => {
  const lines = aligned.events
    .filter((event) => event.type === EVENTS.effectLogged || event.type === EVENTS.contextThrew)
    .map((event) => (event.type === EVENTS.contextThrew ? `${event.label}: ${event.detail ?? ''}` : `Logged ${event.detail ?? ''}`))
  return [`${title}:`, ...lines]
}

const duration: Summary = (aligned, title, values, lanes) => {
  const limit = values.limit
  const finished = find(aligned, EVENTS.effectFinished)
  if (!finished || !limit) return response(aligned, title, values, lanes)
  const measured = `${title}: the callback finished ${ms(finished.t)} after the request arrived; next start has no time limit.`
  const cut =
    finished.t > limit
      ? `With maxDuration = ${limit / 1000} s, a serverless platform would stop the function at ${ms(limit)}: the callback's last ${ms(finished.t - limit)} would never run, and its log entry would be lost.`
      : `With maxDuration = ${limit / 1000} s, the callback would have finished ${ms(limit - finished.t)} before the platform stopped the function.`
  return [measured, `${cut} (Computed from the measured times; nothing was cut here.)`]
}

export const summaries: Record<SummaryKind, Summary> = {
  response,
  middleware,
  context,
  duration,
}
