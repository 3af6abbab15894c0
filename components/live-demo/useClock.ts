import { useEffect, useState } from 'react'

/**
 * `performance.now()`, updated every animation frame while `running`: the
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
    let frame = requestAnimationFrame(function tick(time) {
      setNow(time)
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [running])
  return now
}
