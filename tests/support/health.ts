/** What `GET /api/health` reports (the fields the tests and the benchmark read). */
export interface Health {
  ok: boolean
  /** Where runs are kept; `reachable` is false while Redis is down. */
  store: { kind: 'memory' | 'redis'; reachable: boolean }
  runs: { stored: number; created: number; inFlight: number; maxInFlight: number; max: number }
  streams: { open: number; max: number }
  memory: { rssBytes: number; heapUsedBytes: number }
  handles: number
}

export async function health(base: string): Promise<Health> {
  return (await (await fetch(`${base}/api/health`, { cache: 'no-store' })).json()) as Health
}

/** Waits until no run is in flight and no event stream is open, so counters read next are the caller's alone. */
export const settled = (base: string, timeoutMs = 30_000): Promise<Health> =>
  waitFor(() => health(base), (h) => h.runs.inFlight === 0 && h.streams.open === 0, timeoutMs)

/** Polls `read` until `accept` holds or `timeoutMs` passes; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (accept(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
