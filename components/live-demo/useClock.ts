import { useEffect, useState } from 'react'

/** About 30 updates a second: smooth for a growing bar, and half the work of every frame on a slow phone. */
const TICK_MS = 32

/**
 * `performance.now()`, updated on animation frames while `running`: the
 * clock a running bar grows with. With `prefers-reduced-motion` it stays
 * undefined, and the chart moves only when an event arrives.
 */
export function useClock(running: boolean): number | undefined {
  const [now, setNow] = useState<number | undefined>(undefined)
  useEffect(() => {
    if (!running || window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      setNow(undefined)
      return
    }
    let last = 0
    let frame = requestAnimationFrame(function tick(time) {
      if (time - last >= TICK_MS) {
        last = time
        setNow(time)
      }
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [running])
  return now
}
