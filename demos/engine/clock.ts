/**
 * A monotonic clock in milliseconds. Timelines use it instead of Date.now()
 * so that a wall-clock adjustment during a run cannot reorder its events.
 */
export type Clock = () => number

export const monotonic: Clock = () => performance.now()
