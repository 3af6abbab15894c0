import type { Backend, Clock } from '@/demos/engine'

/** Makes a fresh backend with these limits; a contract calls it once per test. */
export type BackendFactory = (limits: { maxRuns: number; maxAgeMs: number; clock: Clock }) => Backend

/** A clock the test moves by hand. */
export function fakeClock(start = 0) {
  let now = start
  const clock = () => now
  return Object.assign(clock, { advance: (ms: number) => void (now += ms) })
}
