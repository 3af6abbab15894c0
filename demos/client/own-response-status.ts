import { settledLater } from './action-frame'

/**
 * The status of the next response this document gets for a request to its
 * own path, as the browser recorded it (Resource Timing's `responseStatus`):
 * a Server Action is a `POST` to the page that calls it, and Next.js's client
 * reads its answer without showing the status. Start watching before the
 * call. `undefined` where the browser does not record the status
 * (Chromium 109+ does).
 */
export function watchOwnResponseStatus(): () => Promise<number | undefined> {
  if (typeof PerformanceObserver === 'undefined' || !('responseStatus' in PerformanceResourceTiming.prototype)) return async () => undefined
  const since = performance.now()
  const path = window.location.pathname
  const status = settledLater<number>()
  // An observer, not the timeline's buffer: the buffer stops taking entries once full, and a frame runs many actions.
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      const url = new URL(entry.name)
      // The router's own payload requests to this path carry `_rsc`; the action's POST does not.
      if (entry.startTime < since || entry.initiatorType !== 'fetch' || url.pathname !== path || url.searchParams.has('_rsc')) continue
      observer.disconnect()
      status.settle(entry.responseStatus)
      return
    }
  })
  observer.observe({ type: 'resource' })
  return () => status.promise
}
