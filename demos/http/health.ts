import { readQuery, serverState, withErrorResponse } from '../admission'
import { StoreUnavailableError } from '../engine'

/**
 * How many runs the store keeps, runs in flight and streams open (across
 * every instance, on Redis), or nulls while the store cannot be reached
 * (Redis down): health still answers.
 */
async function counters(): Promise<{ stored: number | null; inFlight: number | null; open: number | null }> {
  const state = serverState()
  try {
    const [stored, inFlight, open] = await Promise.all([state.runs.size(), state.runsInFlight.count(), state.streams.count()])
    return { stored, inFlight, open }
  } catch (error) {
    if (error instanceof StoreUnavailableError) return { stored: null, inFlight: null, open: null }
    throw error
  }
}

/**
 * `GET /api/health`: liveness plus the counters that bound the demos, for
 * monitoring, the tests (a rejected request must leave the run count as it
 * was) and the load benchmark. `store.reachable` is false while Redis is down:
 * pages still serve, demos answer 503.
 */
export const healthResponse = withErrorResponse(async (request: Request): Promise<Response> => {
  const state = serverState()
  readQuery(request, [])
  const { stored, inFlight, open } = await counters()
  const memory = process.memoryUsage()
  return Response.json(
    {
      ok: true,
      store: { kind: state.store, reachable: stored !== null },
      runs: { stored, created: state.runs.created, inFlight, maxInFlight: state.config.maxRunsInFlight, max: state.config.maxRuns },
      streams: { open, max: state.config.maxStreams },
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      // Timers, sockets and the like the process holds: back to its idle count once runs and streams are gone.
      handles: process.getActiveResourcesInfo().length,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
})
