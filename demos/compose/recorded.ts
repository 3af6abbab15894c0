import { EVENTS, LANES, type NewTimelineEvent, type TimelineEvent } from '../engine/timeline'
import { formatComposition } from './parse'
import type { Step } from './types'

/**
 * The event a composed run records as it starts: the composition's canonical text, kept by the store with the run's
 * other events (in memory and in Redis alike), so a receipt names and reruns the composition from the server's own record.
 */
export const compositionEvent = (steps: readonly Step[]): NewTimelineEvent => ({
  type: EVENTS.composition,
  label: 'Composition',
  lane: LANES.handler,
  phase: 'instant',
  detail: formatComposition(steps),
})

/** The composition a run recorded, if it is a composed run that did. */
export const recordedComposition = (events: readonly TimelineEvent[]): string | undefined =>
  events.find((event) => event.type === EVENTS.composition)?.detail
