import { readQuery, serverState, withErrorResponse } from '../admission'

/**
 * `GET /api/health`: liveness plus the counters that bound the demos, for
 * monitoring, the tests (a rejected request must leave the run count as it
 * was) and the load benchmark.
 */
export const healthResponse = withErrorResponse((request: Request): Response => {
  const state = serverState()
  readQuery(request, [])
  const memory = process.memoryUsage()
  return Response.json(
    {
      ok: true,
      runs: { stored: state.runs.size, inFlight: state.runsInFlight.value, maxInFlight: state.config.maxRunsInFlight, max: state.config.maxRuns },
      streams: { open: state.streams.value, max: state.config.maxStreams },
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      // Timers, sockets and the like the process holds: back to its idle count once runs and streams are gone.
      handles: process.getActiveResourcesInfo().length,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
})
