import { EVENTS, LANES, type EventType, type Lane } from '../../demos/engine/timeline'
import type { AlignedRun } from '../../demos/client'
import { TimelineChart } from './TimelineChart'
import { TimelineTable } from './TimelineTable'

/** The figures the browser tests check, in one attribute, so they read what the page drew from. */
function toTestData(aligned: AlignedRun) {
  const at = (type: EventType) => aligned.events.find((event) => event.type === type)?.at
  return {
    scenario: aligned.run.scenario,
    status: aligned.run.status,
    firstByte: aligned.run.browser.firstByte,
    lastByte: aligned.run.browser.lastByte,
    margin: aligned.margin,
    effectStarted: at(EVENTS.effectStarted),
    effectFinished: at(EVENTS.effectFinished),
    limitReached: at(EVENTS.limitReached),
    redirected: aligned.run.redirected ?? false,
    stopped: aligned.run.browser.stopped ?? false,
    end: aligned.run.end,
    details: aligned.events.filter((event) => event.detail && event.lane === LANES.sideEffect).map((event) => event.detail),
    events: aligned.events.map(({ type, lane, at, t, outcome }) => ({ type, lane, at, t, outcome })),
  }
}

/** One run as `data-runs` carries it: the browser tests read this type, so a renamed field fails to compile there. */
export type DrawnRunData = ReturnType<typeof toTestData>

/**
 * Finished runs as a chart and a table of every timestamp. `lanes` names, per
 * scenario, the lanes it can draw, so one that recorded nothing shows as never run.
 */
export function DrawnRuns({
  runs,
  titles,
  lanes,
}: {
  runs: AlignedRun[]
  titles: Record<string, string>
  lanes?: Record<string, readonly Lane[] | undefined>
}) {
  return (
    <div data-testid="timeline" data-runs={JSON.stringify(runs.map(toTestData))}>
      <TimelineChart runs={runs} titles={titles} lanes={lanes} />
      <TimelineTable runs={runs} titles={titles} />
    </div>
  )
}
