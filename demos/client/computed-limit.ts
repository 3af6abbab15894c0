import { EVENTS } from '../engine/timeline'
import type { AlignedRun } from './align'

/**
 * Adds a lane showing where a platform enforcing `limit` ms from the
 * request's arrival would stop the function, placed on the measured run.
 */
export function withComputedLimit(aligned: AlignedRun, limit: number | undefined): AlignedRun {
  if (!limit) return aligned
  const lane = `maxDuration ${limit / 1000} s (computed)`
  const start = aligned.events.find((event) => event.type === EVENTS.requestReceived)
  const at = (t: number) => aligned.offset + t
  const computed = [
    { seq: -2, t: 0, type: EVENTS.limitWindow, label: 'Platform clock starts (computed)', lane, phase: 'start' as const, at: at(start?.t ?? 0) },
    {
      seq: -1,
      t: limit,
      type: EVENTS.limitReached,
      label: `maxDuration reached: a platform would stop the function here (computed, not a real cut)`,
      lane,
      phase: 'end' as const,
      outcome: 'error' as const,
      at: at(limit),
    },
  ]
  return { ...aligned, events: [...aligned.events, ...computed] }
}
