import { caughtErrorResponse } from '../engine/errors'
import { readQuery } from '../engine/request-shape'
import type { DemoRuntime } from '../runtime'

/**
 * `GET /api/health`: liveness plus the counters that bound the demos, for
 * monitoring, the tests (a rejected request must leave the run count as it
 * was) and the load benchmark.
 */
export function healthResponse(runtime: DemoRuntime, request: Request): Response {
  try {
    readQuery(request, [])
  } catch (error) {
    return caughtErrorResponse(error)
  }
  const memory = process.memoryUsage()
  return Response.json(
    {
      ok: true,
      runs: { stored: runtime.store.size, inFlight: runtime.runsInFlight.value, maxInFlight: runtime.config.maxRunsInFlight, max: runtime.config.maxRuns },
      streams: { open: runtime.streams.value, max: runtime.config.maxStreams },
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      // Timers, sockets and the like the process holds: back to its idle count once runs and streams are gone.
      handles: process.getActiveResourcesInfo().length,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
