/**
 * Does a side effect in after() cost the response anything?
 *
 * For each Next.js version (the site's 15.5, then the Next.js 16 demo server,
 * one after the other so that neither disturbs the other), starts
 * `next start` on the current build, then for side effects of 100,
 * 1000 and 3000 ms (critical work 20 ms) sends RUNS requests to each of
 * baseline, after and blocking, interleaved so that machine noise hits all
 * three alike, one request at a time on loopback. Prints median and p95
 * client latency and the ratios after/baseline (target 1.00 ± 0.05) and
 * blocking/baseline; then both versions' ratios side by side, each labelled
 * with the version its server reported. Then measures the demo engine's own
 * cost per run in-process (run store, recorder, events, subscriber), without HTTP.
 *
 * Usage: npm run build && npm run bench   (RUNS=30 by default)
 */
import { EVENTS, LANES, memoryBackend, monotonic, RunRecorder, Runs } from '../demos/engine'
import { TEST_SERVER_ENV } from '../tests/support/server'
import { BENCH_VERSIONS, runBench, withServer } from './run-bench'
import { fixed, median, percentile, printTable } from './stats'

const RUNS = Number(process.env.RUNS ?? 30)
const WORK = 20
const EFFECTS = [100, 1000, 3000]
const ROUTES = ['baseline', 'after', 'blocking'] as const

/** The version the last response named (X-Next-Version): each table is labelled by the server, not by this script. */
let reportedVersion = ''

async function timePost(url: string): Promise<number> {
  const start = performance.now()
  const response = await fetch(url, { method: 'POST' })
  await response.arrayBuffer()
  const elapsed = performance.now() - start
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  reportedVersion = response.headers.get('x-next-version') ?? 'unknown'
  return elapsed
}

/** Measures one server; returns its ratio rows for the side-by-side summary. */
async function measureHttp(baseUrl: string): Promise<string[][]> {
  const rows: string[][] = []
  const ratios: string[][] = []
  for (const effect of EFFECTS) {
    const samples: Record<(typeof ROUTES)[number], number[]> = { baseline: [], after: [], blocking: [] }
    const query = (route: string) => (route === 'baseline' ? `work=${WORK}` : `work=${WORK}&effect=${effect}`)
    // Warm each route once so that first-request compilation does not count.
    for (const route of ROUTES) await timePost(`${baseUrl}/api/demos/${route}?${query(route)}`)
    for (let i = 0; i < RUNS; i++) {
      for (const route of ROUTES) samples[route].push(await timePost(`${baseUrl}/api/demos/${route}?${query(route)}`))
    }
    const base = median(samples.baseline)
    ratios.push([reportedVersion, String(effect), fixed(median(samples.after) / base, 2), fixed(median(samples.blocking) / base, 2)])
    for (const route of ROUTES) {
      const s = samples[route]
      rows.push([
        String(effect),
        route,
        fixed(median(s)),
        fixed(percentile(s, 95)),
        fixed(median(s) / base, 2),
        fixed(percentile(s, 95) / percentile(samples.baseline, 95), 2),
      ])
    }
  }
  console.log(`\nNext.js ${reportedVersion}: client latency, ${RUNS} runs per route and side effect, critical work ${WORK} ms, loopback:`)
  printTable(['effect ms', 'route', 'median ms', 'p95 ms', 'median/baseline', 'p95/baseline'], rows)
  return ratios
}

/** The engine's cost of one run: what every demo request adds on top of the handler's own work. */
async function measureEngine() {
  const ITERATIONS = 20_000
  const runs = new Runs(memoryBackend({ maxRuns: 1000, maxAgeMs: 60_000, clock: monotonic }))
  const oneRun = async () => {
    const run = (await runs.create('after', { work: 0, effect: 0 }))!
    const recorder = new RunRecorder(run, { clock: monotonic, settleMs: 1, maxRunMs: 60_000 })
    const seen: unknown[] = []
    run.subscribe((message) => seen.push(message))
    recorder.mark({ type: EVENTS.requestReceived, label: 'Request received', lane: LANES.handler, phase: 'start' })
    recorder.mark({ type: EVENTS.workFinished, label: 'Critical work done', lane: LANES.handler, phase: 'end' })
    recorder.mark({ type: EVENTS.responseReturned, label: 'Handler returned 200', lane: LANES.handler, phase: 'end' })
    recorder.markResponseSent()
    recorder.mark({ type: EVENTS.effectStarted, label: 'Side effect started', lane: LANES.sideEffect, phase: 'start' })
    recorder.mark({ type: EVENTS.effectFinished, label: 'Side effect finished', lane: LANES.sideEffect, phase: 'end' })
    run.end('complete')
    await run.flushed()
  }
  for (let i = 0; i < 2000; i++) await oneRun()
  const start = performance.now()
  for (let i = 0; i < ITERATIONS; i++) await oneRun()
  const perRunUs = ((performance.now() - start) / ITERATIONS) * 1000
  console.log(`\nDemo engine, in-process: ${fixed(perRunUs, 1)} µs per run (store + recorder + 7 events + one subscriber), ${ITERATIONS} runs.`)
}

runBench(async () => {
  const ratios: string[][] = []
  for (const { options, prefix } of BENCH_VERSIONS) {
    ratios.push(...(await withServer(TEST_SERVER_ENV, (server) => measureHttp(`${server.url}${prefix}`), options)))
  }
  console.log('\nBoth versions, median latency against the baseline route (target for after: 1.00 ± 0.05):')
  printTable(['Next.js', 'effect ms', 'after/baseline', 'blocking/baseline'], ratios)
  await measureEngine()
})
