/**
 * Load benchmark: a few hundred simulated visitors run the after() and the
 * baseline demo (POST, then follow the run's event stream to its end) for a
 * fixed time against a `next start` of the current build, on loopback.
 * Prints runs started/completed/lost, the after() route's latency against
 * the baseline's, resident memory before / at peak / after the runs age out,
 * and open handles. Run `npx next build` first; `npm run bench:load`.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { health, waitFor, type Health } from '../tests/support/health'
import type { RunningServer } from '../tests/support/server'
import { runBench, withServer } from './run-bench'
import { percentile } from './stats'

const VISITORS = Number(process.env.VISITORS ?? 300)
const DURATION_MS = Number(process.env.DURATION_MS ?? 45_000)
const RUN_MAX_AGE_MS = 15_000
const WORK = 20
const EFFECT = 200

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

async function load(server: RunningServer): Promise<void> {
  /** Memory as health reports it right after a full collection in the server. */
  const settledHealth = async (): Promise<Health> => {
    server.process.kill('SIGUSR2')
    await new Promise((resolve) => setTimeout(resolve, 500))
    return health(server.url)
  }

  const latency: Record<'after' | 'baseline', number[]> = { after: [], baseline: [] }
  const counts = { started: 0, completed: 0, lost: 0, refused: 0, failed: 0 }
  const lostReasons = new Map<string, number>()
  const lose = (reason: string) => {
    counts.lost++
    lostReasons.set(reason, (lostReasons.get(reason) ?? 0) + 1)
  }

  // Warm up both routes so that compilation of the first request is not measured.
  for (const scenario of ['after', 'baseline']) await fetch(`${server.url}/api/demos/${scenario}?work=0`, { method: 'POST' }).then((r) => r.text())
  await waitFor(() => health(server.url), (h) => h.runs.inFlight === 0, 5000)
  const before = await settledHealth()

  let peak: Health = before
  let peakStored = 0
  const sampler = setInterval(async () => {
    const now = await health(server.url).catch(() => undefined)
    if (!now) return
    if (now.memory.rssBytes > peak.memory.rssBytes) peak = now
    peakStored = Math.max(peakStored, now.runs.stored)
  }, 500)

  const deadline = performance.now() + DURATION_MS
  const visitor = async (index: number) => {
    for (let round = 0; performance.now() < deadline; round++) {
      const scenario = (index + round) % 2 === 0 ? 'after' : 'baseline'
      const query = scenario === 'after' ? `?work=${WORK}&effect=${EFFECT}` : `?work=${WORK}`
      const sent = performance.now()
      let runId: string | null
      try {
        const response = await fetch(`${server.url}/api/demos/${scenario}${query}`, { method: 'POST' })
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
        const text = await (await fetch(`${server.url}/api/runs/${runId}/events`)).text()
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

  const atEnd = await waitFor(() => health(server.url), (h) => h.runs.inFlight === 0 && h.streams.open === 0, 10_000)
  // The store evicts on a timer of min(age limit, 60 s): wait for it to empty.
  await waitFor(() => health(server.url), (h) => h.runs.stored === 0, RUN_MAX_AGE_MS * 2 + 5000)
  const aged = await settledHealth()

  console.log(`load: ${VISITORS} visitors for ${seconds.toFixed(1)} s on loopback (work ${WORK} ms, after() side effect ${EFFECT} ms)`)
  console.log(`runs: started ${counts.started}, completed ${counts.completed}, lost ${counts.lost}, refused ${counts.refused}, failed requests ${counts.failed}`)
  if (lostReasons.size) console.log(`lost because: ${JSON.stringify(Object.fromEntries(lostReasons))}`)
  console.log(`throughput: ${(counts.started / seconds).toFixed(0)} runs/s`)
  console.log('latency (request sent to last byte)   p50        p95        p99')
  for (const scenario of ['after', 'baseline'] as const) {
    const s = latency[scenario]
    console.log(`  ${scenario.padEnd(10)} (${String(s.length).padStart(6)} runs)  ${[50, 95, 99].map((p) => ms(percentile(s, p)).padStart(9)).join('  ')}`)
  }
  console.log(`  after/baseline ratio               ${[50, 95, 99].map((p) => (percentile(latency.after, p) / percentile(latency.baseline, p)).toFixed(2).padStart(9)).join('  ')}`)
  console.log(`memory (rss, before and after measured after a full GC): before ${mb(before.memory.rssBytes)}, peak ${mb(peak.memory.rssBytes)}, after the runs aged out ${mb(aged.memory.rssBytes)}`)
  console.log(`memory (heap used, same): before ${mb(before.memory.heapUsedBytes)}, at rss peak ${mb(peak.memory.heapUsedBytes)}, after ${mb(aged.memory.heapUsedBytes)}`)
  console.log(`run store: at most ${peakStored} of ${peak.runs.max} runs, ${aged.runs.stored} after aging out; streams open at the end ${atEnd.streams.open}`)
  console.log(`open handles: before ${before.handles}, at the end ${atEnd.handles}, after aging out ${aged.handles}`)
}

runBench(() => withServer(LOAD_ENV, load))
