/**
 * The race behind an ISR page's after() on Next.js 15.5, measured: on each Next.js version (one server at a time),
 * regenerates the two ISR demo pages RUNS times each, triggered by a request on a connection that closes with the
 * stale page, sent gzip-compressed or uncompressed. For each, prints when the regeneration rendered against when the
 * client saw that connection close (negative: it rendered first), how often after() was certainly called after the
 * close (the later page awaits 50 ms before it), and how often the callback ran (its record written within 3 s).
 *
 * Usage: npm run build && npm run bench:isr-race   (RUNS=5 by default)
 */
import type { PageRecord, RecordedPage } from '../demos/operations'
import { TEST_SERVER_ENV } from '../tests/support/server'
import { waitFor } from '../tests/support/health'
import { calledAfterClose, regenerateOnce, type Encoding } from '../tests/support/isr-regeneration'
import { BENCH_VERSIONS, runBench, withServer } from './run-bench'
import { median, printTable } from './stats'

const RUNS = Number(process.env.RUNS ?? 5)
/** Each page, and how long after taking its render time it calls after() at the earliest (app/demos/isr*). */
const PAGES: Array<{ page: RecordedPage; awaitedMs: number }> = [
  { page: 'isr', awaitedMs: 49 },
  { page: 'isr-early', awaitedMs: 0 },
]
const ENCODINGS: Encoding[] = ['gzip', 'identity']

async function measure(base: string): Promise<string[][]> {
  const rows: string[][] = []
  let version = ''
  const recordOf = async (page: RecordedPage, renderedAt: string) => {
    const response = await fetch(`${base}/api/static-record`)
    version = response.headers.get('x-next-version') ?? 'unknown'
    const records = (await response.json()) as Record<RecordedPage, PageRecord | null>
    return records[page]?.runs.find((run) => run.renderedAt === renderedAt)
  }
  for (const { page, awaitedMs } of PAGES) {
    for (const encoding of ENCODINGS) {
      const gaps: number[] = []
      let certain = 0
      let ran = 0
      for (let i = 0; i < RUNS; i++) {
        const regeneration = await regenerateOnce(`${base}/demos/${page}`, encoding)
        gaps.push(Date.parse(regeneration.renderedAt) - regeneration.closedAt)
        if (calledAfterClose(regeneration, awaitedMs)) certain++
        if (await waitFor(() => recordOf(page, regeneration.renderedAt), (found) => found !== undefined, 3000)) ran++
      }
      rows.push([version, page, encoding, `${Math.min(...gaps)} / ${median(gaps)} / ${Math.max(...gaps)}`, `${certain} of ${RUNS}`, `${ran} of ${RUNS}`])
    }
  }
  return rows
}

runBench(async () => {
  const rows: string[][] = []
  for (const { options, prefix } of BENCH_VERSIONS) {
    rows.push(...(await withServer(TEST_SERVER_ENV, (server) => measure(`${server.url}${prefix}`), options)))
  }
  console.log(`\nISR regenerations, ${RUNS} per row, each triggered by a request on a connection that closes with the stale page:`)
  printTable(['Next.js', 'page', 'stale page sent', 'rendered − closed ms (min / median / max)', 'after() certainly after the close', 'callback ran'], rows)
})
