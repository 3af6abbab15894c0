/**
 * Load benchmark: a few hundred simulated visitors run the after() and the
 * baseline demo (POST, then follow the run's event stream to its end) for a
 * fixed time against a `next start` of the current build, on loopback.
 * Prints runs started/completed/lost, the after() route's latency against
 * the baseline's, how long an event took from being recorded to reaching its
 * stream, resident memory per instance before / at peak / after the runs age
 * out, and open handles. Run `npx next build` first; `npm run bench:load`.
 *
 * `STORE=redis` keeps the runs in a redis-server the bench starts;
 * `INSTANCES=2` starts two instances behind a round-robin proxy
 * (`bench/proxy.ts`), so most runs are streamed from the instance that did
 * not start them (with `STORE=memory` those are lost: the point of Redis).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { health, waitFor, type Health } from '../tests/support/health'
import { startRedis } from '../tests/support/redis'
import type { RunningServer } from '../tests/support/server'
import { startProxy } from './proxy'
import { runBench, withServers } from './run-bench'
import { percentile } from './stats'

const VISITORS = Number(process.env.VISITORS ?? 300)
const DURATION_MS = Number(process.env.DURATION_MS ?? 45_000)
const RUN_MAX_AGE_MS = 15_000
const WORK = 20
const EFFECT = 200
const INSTANCES = Number(process.env.INSTANCES ?? 1)
const STORE = process.env.STORE ?? 'memory'
if (STORE !== 'memory' && STORE !== 'redis') throw new Error(`STORE must be memory or redis, got "${STORE}"`)

if (!existsSync('.next/BUILD_ID')) {
  console.error('No build: run `npx next build` first.')
  process.exit(1)
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`
const ms = (value: number): string => `${value.toFixed(1)} ms`

const LOAD_ENV = {
  AFTER_GUIDE_RATE_PER_MINUTE: '100000000',
  AFTER_GUIDE_RATE_BURST: '100000000',
  // Every simulated visitor comes from 127.0.0.1, one client: its shares are the whole server's.
  AFTER_GUIDE_RUNS_PER_CLIENT: '100000000',
  AFTER_GUIDE_STREAMS_PER_CLIENT: '100000000',
  AFTER_GUIDE_STREAM_RATE_PER_MINUTE: '100000000',
  AFTER_GUIDE_STREAM_RATE_BURST: '100000000',
  // Room for every visitor; the store keeps its default bound of 1000 runs.
  AFTER_GUIDE_MAX_RUNS_IN_FLIGHT: String(VISITORS * 2),
  AFTER_GUIDE_MAX_STREAMS: String(VISITORS * 2),
  AFTER_GUIDE_RUN_MAX_AGE_MS: String(RUN_MAX_AGE_MS),
  NODE_OPTIONS: `--require ${path.resolve('bench/collect-garbage-on-signal.cjs')}`,
}

/**
 * Reads a run's event stream to its end. `delays`: for each event recorded once the stream was open, the time from
 * its recording to its arrival, taking the moment the request was sent as the run's zero (so it also counts the
 * request's way to the handler: an upper bound).
 */
async function followRun(url: string, sent: number): Promise<{ status: number; text: string; delays: number[] }> {
  const response = await fetch(url)
  const opened = performance.now()
  const decoder = new TextDecoder()
  const delays: number[] = []
  let text = ''
  let buffer = ''
  for await (const chunk of response.body!) {
    const arrived = performance.now()
    buffer += decoder.decode(chunk as Uint8Array, { stream: true })
    for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, cut)
      buffer = buffer.slice(cut + 2)
      text += `${frame}\n\n`
      const data = /^event: timeline\ndata: (.+)$/m.exec(frame)?.[1]
      if (!data) continue
      const recorded = sent + (JSON.parse(data) as { t: number }).t
      if (recorded > opened) delays.push(arrived - recorded)
    }
  }
  return { status: response.status, text, delays }
}

/** The instances' health, each asked directly (not through the proxy). */
const healthOf = (servers: RunningServer[]): Promise<Health[]> => Promise.all(servers.map((server) => health(server.url)))

/** Runs kept: each instance's own in memory, the one shared count with Redis. */
const storedRuns = (all: Health[]): number => (STORE === 'redis' ? all[0]!.runs.stored : all.reduce((sum, h) => sum + h.runs.stored, 0))

async function load(servers: RunningServer[]): Promise<void> {
  const proxy = INSTANCES > 1 ? await startProxy(servers.map((server) => server.url)) : undefined
  try {
    await loadThrough(proxy?.url ?? servers[0]!.url, servers)
  } finally {
    await proxy?.close()
  }
}

async function loadThrough(entry: string, servers: RunningServer[]): Promise<void> {
  /** Memory as health reports it right after a full collection in each server. */
  const settledHealth = async (): Promise<Health[]> => {
    for (const server of servers) server.process.kill('SIGUSR2')
    await new Promise((resolve) => setTimeout(resolve, 500))
    return healthOf(servers)
  }

  const latency: Record<'after' | 'baseline', number[]> = { after: [], baseline: [] }
  const counts = { started: 0, completed: 0, lost: 0, refused: 0, failed: 0 }
  const delays: number[] = []
  const lostReasons = new Map<string, number>()
  const lose = (reason: string) => {
    counts.lost++
    lostReasons.set(reason, (lostReasons.get(reason) ?? 0) + 1)
  }

  // Warm up both routes on every instance so that the first requests' loading is not measured.
  for (const server of servers) {
    for (const scenario of ['after', 'baseline']) await fetch(`${server.url}/api/demos/${scenario}?work=0`, { method: 'POST' }).then((r) => r.text())
  }
  await waitFor(() => healthOf(servers), (all) => all.every((h) => h.runs.inFlight === 0), 5000)
  const before = await settledHealth()

  const peak: Health[] = [...before]
  let peakStored = 0
  const sampler = setInterval(async () => {
    const now = await healthOf(servers).catch(() => undefined)
    if (!now) return
    now.forEach((h, i) => {
      if (h.memory.rssBytes > peak[i]!.memory.rssBytes) peak[i] = h
    })
    peakStored = Math.max(peakStored, storedRuns(now))
  }, 500)

  const deadline = performance.now() + DURATION_MS
  const visitor = async (index: number) => {
    for (let round = 0; performance.now() < deadline; round++) {
      const scenario = (index + round) % 2 === 0 ? 'after' : 'baseline'
      const query = scenario === 'after' ? `?work=${WORK}&effect=${EFFECT}` : `?work=${WORK}`
      const sent = performance.now()
      let runId: string | null
      try {
        const response = await fetch(`${entry}/api/demos/${scenario}${query}`, { method: 'POST' })
        await response.text()
        if (!response.ok) {
          counts.refused++
          continue
        }
        latency[scenario].push(performance.now() - sent)
        runId = response.headers.get('x-run-id')
      } catch {
        counts.failed++
        continue
      }
      counts.started++
      try {
        const { status, text, delays: runDelays } = await followRun(`${entry}/api/runs/${runId}/events`, sent)
        delays.push(...runDelays)
        if (status !== 200) {
          lose(`stream answered ${status}`)
          continue
        }
        const complete = text.includes('event: end\ndata: {"status":"complete"}')
        const sentEvent = text.includes('"type":"response.sent"')
        const effectDone = scenario === 'baseline' || text.includes('"type":"effect.finished"')
        if (complete && sentEvent && effectDone) counts.completed++
        else lose(complete ? 'events missing' : (/"status":"([^"]+)"}\n\n$/.exec(text)?.[1] ?? 'no end marker'))
      } catch (error) {
        lose(`stream failed: ${(error as Error).message}`)
      }
    }
  }
  const startedAt = performance.now()
  await Promise.all(Array.from({ length: VISITORS }, (_, index) => visitor(index)))
  const seconds = (performance.now() - startedAt) / 1000
  clearInterval(sampler)

  const atEnd = await waitFor(() => healthOf(servers), (all) => all.every((h) => h.runs.inFlight === 0 && h.streams.open === 0), 10_000)
  // The store evicts on a timer of min(age limit, 60 s): wait for it to empty.
  await waitFor(() => healthOf(servers), (all) => storedRuns(all) === 0, RUN_MAX_AGE_MS * 2 + 5000)
  const aged = await settledHealth()

  const where = INSTANCES > 1 ? `${INSTANCES} instances behind a round-robin proxy` : 'one instance'
  console.log(`load: ${VISITORS} visitors for ${seconds.toFixed(1)} s on loopback, ${where}, runs in ${STORE} (work ${WORK} ms, after() side effect ${EFFECT} ms)`)
  console.log(`runs: started ${counts.started}, completed ${counts.completed}, lost ${counts.lost}, refused ${counts.refused}, failed requests ${counts.failed}`)
  if (lostReasons.size) console.log(`lost because: ${JSON.stringify(Object.fromEntries(lostReasons))}`)
  console.log(`throughput: ${(counts.started / seconds).toFixed(0)} runs/s`)
  console.log('latency (request sent to last byte)   p50        p95        p99')
  for (const scenario of ['after', 'baseline'] as const) {
    const s = latency[scenario]
    console.log(`  ${scenario.padEnd(10)} (${String(s.length).padStart(6)} runs)  ${[50, 95, 99].map((p) => ms(percentile(s, p)).padStart(9)).join('  ')}`)
  }
  console.log(`  after/baseline ratio               ${[50, 95, 99].map((p) => (percentile(latency.after, p) / percentile(latency.baseline, p)).toFixed(2).padStart(9)).join('  ')}`)
  console.log(`event delivery, recorded to received (${delays.length} live events)  ${[50, 95, 99].map((p) => `p${p} ${ms(percentile(delays, p))}`).join('  ')}`)
  servers.forEach((_, i) => {
    const name = INSTANCES > 1 ? `instance ${i + 1} ` : ''
    console.log(`${name}memory (rss, before and after measured after a full GC): before ${mb(before[i]!.memory.rssBytes)}, peak ${mb(peak[i]!.memory.rssBytes)}, after the runs aged out ${mb(aged[i]!.memory.rssBytes)}`)
    console.log(`${name}memory (heap used, same): before ${mb(before[i]!.memory.heapUsedBytes)}, at rss peak ${mb(peak[i]!.memory.heapUsedBytes)}, after ${mb(aged[i]!.memory.heapUsedBytes)}`)
    console.log(`${name}open handles: before ${before[i]!.handles}, at the end ${atEnd[i]!.handles}, after aging out ${aged[i]!.handles}`)
  })
  console.log(`run store: at most ${peakStored} of ${peak[0]!.runs.max} runs, ${storedRuns(aged)} after aging out; streams open at the end ${atEnd.reduce((sum, h) => sum + h.streams.open, 0)}`)
}

runBench(async () => {
  const redis = STORE === 'redis' ? await startRedis() : undefined
  try {
    await withServers(INSTANCES, { ...LOAD_ENV, ...(redis ? { AFTER_GUIDE_REDIS_URL: redis.url } : {}) }, load)
  } finally {
    await redis?.stop()
  }
})
