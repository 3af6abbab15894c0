/**
 * Lighthouse 13 on every page of the built site (run `npx next build` first),
 * mobile and desktop, median of 3 runs, against Debian's Chromium and a
 * `next start` this script starts and stops itself.
 *
 *   npx tsx bench/lighthouse.ts [runs=3] [route...]
 *
 * Routes (e.g. /notes/duration) limit the run to those pages.
 *
 * Targets: accessibility, best practices and SEO 100; mobile performance >= 95.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import type { Result } from 'lighthouse'
import { readSitePages } from '../links/site-pages'
import { chromiumPath } from '../tests/support/browser'
import { TEST_SERVER_ENV, type RunningServer } from '../tests/support/server'
import { runBench, withServer } from './run-bench'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
type Scores = Record<(typeof CATEGORIES)[number], number>
const RUNS = Number(process.argv[2] ?? 3)
const ONLY = process.argv.slice(3)

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const LIGHTHOUSE_CLI = path.resolve(import.meta.dirname, '../node_modules/lighthouse/cli/index.js')

// Lighthouse runs as its own process: under tsx its page functions would be
// rewritten (esbuild's __name helper) and fail inside the browser.
async function audit(url: string, port: number, formFactor: 'mobile' | 'desktop'): Promise<{ scores: Scores; failing: string[] }> {
  const args = [LIGHTHOUSE_CLI, url, `--port=${port}`, '--output=json', '--output-path=stdout', '--quiet', `--only-categories=${CATEGORIES.join(',')}`]
  if (formFactor === 'desktop') args.push('--preset=desktop')
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 })
  const { categories, audits } = JSON.parse(stdout) as Result
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c].score ?? 0) * 100)])) as Scores
  // Audits that cost points outside performance, so a score below 100 says why.
  const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score! < 1)
      .map((ref) => `${c}: ${ref.id}`),
  )
  return { scores, failing }
}

/**
 * Lighthouse now and then fails to record a trace on a loaded machine
 * (NO_NAVSTART); such a run measured nothing, so it is repeated, at most twice.
 */
async function auditWithRetry(url: string, port: number, formFactor: 'mobile' | 'desktop') {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url, port, formFactor)
    } catch (error) {
      if (attempt === 3) throw error
      console.error(`retrying ${url} ${formFactor}: ${String((error as Error).message).split('\n')[0]!.slice(0, 120)}`)
    }
  }
}

async function audits(server: RunningServer) {
  // `localhost`, the host of the default public origin, so the canonical URL is on the same domain.
  const origin = server.url.replace('127.0.0.1', 'localhost')
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const rows: string[] = []
  const problems = new Set<string>()
  try {
    const pages = readSitePages().filter((page) => ONLY.length === 0 || ONLY.includes(page.route))
    if (pages.length === 0) throw new Error(`No page has the route ${ONLY.join(' or ')}.`)
    for (const page of pages) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        const runs: Scores[] = []
        for (let i = 0; i < RUNS; i++) {
          const { scores, failing } = await auditWithRetry(`${origin}${page.route}`, chrome.port, formFactor)
          runs.push(scores)
          failing.forEach((f) => problems.add(`${page.route} ${formFactor} ${f}`))
        }
        const med = CATEGORIES.map((c) => median(runs.map((r) => r[c])))
        const perf = runs.map((r) => r.performance).join('/')
        rows.push(`| ${page.route} | ${formFactor} | ${med.join(' | ')} | ${perf} |`)
        console.error(rows.at(-1))
      }
    }
  } finally {
    chrome.kill()
  }
  console.log(`\nLighthouse ${RUNS > 1 ? `median of ${RUNS} runs` : '1 run'}, next start on loopback, Debian Chromium\n`)
  console.log('| page | form factor | performance | accessibility | best practices | SEO | performance runs |')
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  console.log(rows.join('\n'))
  if (problems.size) console.log(`\nAudits below 1 (outside performance):\n${[...problems].map((p) => `- ${p}`).join('\n')}`)
}

runBench(() => withServer(TEST_SERVER_ENV, audits))
