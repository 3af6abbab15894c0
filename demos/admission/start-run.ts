import { monotonic } from './engine/clock'
import { busy } from './engine/errors'
import { RunRecorder } from './engine/recorder'
import type { Params } from './engine/run-store'
import type { DemoRuntime } from './runtime'

/**
 * The client a rate limit applies to. Behind a proxy or a platform such as
 * Vercel, `x-real-ip`/`x-forwarded-for` carry the visitor's address. `next
 * start` alone fills in x-forwarded-for from the socket only when the request
 * has none, so without such a proxy a visitor can choose their own key; the
 * server-wide caps hold whatever the key.
 */
export function clientKey(headers: Headers): string {
  const real = headers.get('x-real-ip')?.trim()
  if (real) return real.slice(0, 64)
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded ? forwarded.slice(0, 64) : 'unknown'
}

/**
 * Admits a run (rate limit, then the global cap) and creates its recorder.
 * Checks come first so that a refused request leaves no run and no timer.
 */
export function startRun(runtime: DemoRuntime, scenario: string, params: Params, client: string, ref?: string): RunRecorder {
  runtime.rateLimiter.take(client)
  const release = runtime.runsInFlight.acquire()
  const run = runtime.store.create(scenario, params, ref)
  if (!run) {
    release()
    throw busy('Every run slot holds a run still in flight. Retry in 5 s.', 5)
  }
  run.subscribe((message) => {
    if (message.kind === 'end') release()
  })
  const recorder = new RunRecorder(run, {
    clock: monotonic,
    settleMs: runtime.config.settleMs,
    maxRunMs: runtime.config.maxRunMs,
  })
  recorder.mark({ type: 'request.received', label: 'Request received', lane: 'Handler', phase: 'start' })
  return recorder
}
