import type { ReactNode } from 'react'
import { EVENTS, LANES, type EventType, type Lane } from '../../demos/engine/timeline'
import type { AlignedRun } from '../../demos/client'
import { TimelineChart, type ChartSlot } from './TimelineChart'
import { TimelineTable } from './TimelineTable'

/** The figures the browser tests check, in one attribute, so they read what the page drew from. */
function toTestData(aligned: AlignedRun) {
  const at = (type: EventType) => aligned.events.find((event) => event.type === type)?.at
  return {
    scenario: aligned.run.scenario,
    nextVersion: aligned.run.nextVersion,
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
 * The runs as a chart and a table of every timestamp. While a sequence runs,
 * `slots` draw it as it happens and `runs` are the last finished ones (their
 * table stays until the new one is complete); once it is done, `slots` hold
 * the finished runs alone and `done` is set: only then does the element carry
 * `data-testid="timeline"` and the figures (`data-runs`). `children`, what the demo
 * says about the runs, go between the chart and the table. `lanes` names, per
 * scenario, the lanes it can draw, so one that recorded nothing shows as never run.
 */
export function DrawnRuns({
  slots,
  runs,
  done,
  titles,
  lanes,
  children,
}: {
  /** What the demo says about the runs, between the chart and the table. */
  children?: ReactNode
  slots: ChartSlot[]
  runs: AlignedRun[]
  done: boolean
  titles: Record<string, string>
  lanes?: Record<string, readonly Lane[] | undefined>
}) {
  return (
    <div data-testid={done ? 'timeline' : 'timeline-live'} data-runs={done ? JSON.stringify(runs.map(toTestData)) : undefined}>
      <TimelineChart slots={slots} titles={titles} lanes={lanes} />
      {children}
      {runs.length > 0 ? <TimelineTable runs={runs} titles={titles} /> : null}
    </div>
  )
}
