import type { DemoRuntime } from '../runtime'

/**
 * `GET /api/health`: liveness plus the counters that bound the demos, for
 * monitoring, the tests (a rejected request must leave the run count as it
 * was) and the load benchmark.
 */
export function healthResponse(runtime: DemoRuntime): Response {
  return Response.json(
    {
      ok: true,
      runs: { stored: runtime.store.size, inFlight: runtime.runsInFlight.value, max: runtime.config.maxRuns },
      streams: { open: runtime.streams.value, max: runtime.config.maxStreams },
      memory: { rssBytes: process.memoryUsage().rss },
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
