/**
 * What do the pages' derived files cost per request: an Open Graph image,
 * a Markdown twin and /llms.txt?
 *
 * Starts `next start` on the current build, warms each URL once, then sends
 * RUNS requests to each, one at a time on loopback, and prints median and p95
 * time to the last byte, with the `x-nextjs-cache` header the server answered
 * (HIT when the response was prerendered at build time, none when the
 * handler ran for the request).
 *
 * Usage: npm run build && npm run bench:links   (RUNS=200 by default)
 */
import { TEST_SERVER_ENV } from '../tests/support/server'
import { runBench, withServer } from './run-bench'
import { fixed, median, percentile, printTable } from './stats'

const RUNS = Number(process.env.RUNS ?? 200)
const PATHS = ['/og/notes/failures.png', '/notes/failures.md', '/llms.txt']

async function timeGet(url: string): Promise<{ ms: number; cache: string }> {
  const start = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  const ms = performance.now() - start
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return { ms, cache: response.headers.get('x-nextjs-cache') ?? 'none' }
}

async function measure(baseUrl: string) {
  const rows: string[][] = []
  for (const path of PATHS) {
    await timeGet(`${baseUrl}${path}`)
    const samples: number[] = []
    const caches = new Set<string>()
    for (let i = 0; i < RUNS; i++) {
      const { ms, cache } = await timeGet(`${baseUrl}${path}`)
      samples.push(ms)
      caches.add(cache)
    }
    rows.push([path, fixed(median(samples)), fixed(percentile(samples, 95)), [...caches].join(',')])
  }
  console.log(`\nTime to last byte, ${RUNS} requests per path, one at a time, loopback:`)
  printTable(['path', 'median ms', 'p95 ms', 'x-nextjs-cache'], rows)
}

runBench(() => withServer(TEST_SERVER_ENV, (server) => measure(server.url)))
