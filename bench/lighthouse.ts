/**
 * Lighthouse 13 on every page of the built site (run `npx next build` first),
 * mobile and desktop, measured the way someone outside the project measures:
 * each run is the Lighthouse CLI with its defaults (mobile: simulated
 * throttling, its phone form factor and screen; desktop: `--preset=desktop`),
 * launching a fresh Debian Chromium with its own temporary profile and
 * closing it afterwards. It runs against a `next start` this script starts and
 * stops itself.
 *
 *   npx tsx bench/lighthouse.ts [runs=3] [route...] [--shared-browser] [--reports=DIR] [--root=DIR]
 *
 * Routes (e.g. /notes/duration) limit the run to those pages.
 * --shared-browser: the earlier way, one Chromium for every run; it reads
 *   several points higher than a fresh browser, so it is only for comparison.
 * --reports=DIR: keeps each run's Lighthouse JSON (DIR/<page>-<form factor>-<run>.json),
 *   to see where main-thread time goes (mainthread-work-breakdown, bootup-time, long-tasks).
 * --root=DIR: serves the build in DIR (a copy of the project with its .next)
 *   instead of this checkout's, to compare two builds on the same machine load.
 *
 * Targets: mobile performance >= 95 (median), desktop 100; accessibility,
 * best practices and SEO 100. Lighthouse's simulated throttling multiplies the
 * main-thread time it observes, so a busy machine lowers Total Blocking Time
 * scores: the load average is printed with the results.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import type { Result } from 'lighthouse'
import { readSitePages } from '../links/site-pages'
import { chromiumPath } from '../tests/support/browser'
import { TEST_SERVER_ENV, type RunningServer } from '../tests/support/server'
import { runBench, withServer } from './run-bench'
import { median } from './stats'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
type Category = (typeof CATEGORIES)[number]
const FORM_FACTORS = ['mobile', 'desktop'] as const
type FormFactor = (typeof FORM_FACTORS)[number]

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

const options = process.argv.slice(2).filter((arg) => arg.startsWith('--'))
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const RUNS = Number(positional[0] ?? 3)
const ONLY = positional.slice(1)
const SHARED_BROWSER = options.includes('--shared-browser')
const REPORTS = options.find((o) => o.startsWith('--reports='))?.slice('--reports='.length)
const ROOT = options.find((o) => o.startsWith('--root='))?.slice('--root='.length)
const unknown = options.filter((o) => o !== '--shared-browser' && !/^--(reports|root)=./.test(o))
if (unknown.length || !(RUNS >= 1)) throw new Error(`Usage: bench/lighthouse.ts [runs] [route...] [--shared-browser] [--reports=DIR] [--root=DIR] (got ${process.argv.slice(2).join(' ')})`)

const LIGHTHOUSE_CLI = path.resolve(import.meta.dirname, '../node_modules/lighthouse/cli/index.js')

interface Run {
  scores: Record<Category, number>
  tbt: number
  lcp: number
  /** Audits that cost points outside performance, so a score below 100 says why. */
  failing: string[]
}

/**
 * One Lighthouse run. Without `port` the CLI launches Chromium itself (fresh
 * profile, killed afterwards), as it does for anyone who types `lighthouse URL`.
 * Lighthouse runs as its own process: under tsx its page functions would be
 * rewritten (esbuild's __name helper) and fail inside the browser.
 */
async function audit(url: string, formFactor: FormFactor, port: number | undefined): Promise<{ run: Run; json: string }> {
  const args = [LIGHTHOUSE_CLI, url, '--output=json', '--output-path=stdout', '--quiet', `--only-categories=${CATEGORIES.join(',')}`]
  args.push(port === undefined ? `--chrome-flags=${CHROME_FLAGS.join(' ')}` : `--port=${port}`)
  if (formFactor === 'desktop') args.push('--preset=desktop')
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CHROME_PATH: chromiumPath },
  })
  const { categories, audits } = JSON.parse(stdout) as Result
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c].score ?? 0) * 100)])) as Run['scores']
  const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && audits[ref.id]!.score !== null && audits[ref.id]!.score! < 1)
      .map((ref) => `${c}: ${ref.id}`),
  )
  const numeric = (id: string) => audits[id]?.numericValue ?? NaN
  return { run: { scores, tbt: numeric('total-blocking-time'), lcp: numeric('largest-contentful-paint'), failing }, json: stdout }
}

/**
 * Lighthouse now and then fails to record a trace on a loaded machine
 * (NO_NAVSTART); such a run measured nothing, so it is repeated, at most twice.
 */
async function auditWithRetry(url: string, formFactor: FormFactor, port: number | undefined) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url, formFactor, port)
    } catch (error) {
      if (attempt === 3) throw error
      console.error(`retrying ${url} ${formFactor}: ${String((error as Error).message).split('\n')[0]!.slice(0, 120)}`)
    }
  }
}

const load = () => loadavg()[0]!.toFixed(2)

function reportFile(route: string, formFactor: FormFactor, run: number) {
  const name = route === '/' ? 'index' : route.slice(1).replaceAll('/', '_')
  return path.join(REPORTS!, `${name}-${formFactor}-${run + 1}.json`)
}

async function audits(server: RunningServer) {
  // `localhost`, the host of the default public origin, so the canonical URL is on the same domain.
  const origin = server.url.replace('127.0.0.1', 'localhost')
  const pages = readSitePages(ROOT).filter((page) => ONLY.length === 0 || ONLY.includes(page.route))
  if (pages.length === 0) throw new Error(`No page has the route ${ONLY.join(' or ')}.`)
  if (REPORTS) mkdirSync(REPORTS, { recursive: true })
  const shared = SHARED_BROWSER ? await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROME_FLAGS }) : undefined
  const loadAtStart = load()
  const rows: string[] = []
  const problems = new Set<string>()
  try {
    for (const page of pages) {
      for (const formFactor of FORM_FACTORS) {
        const runs: Run[] = []
        for (let i = 0; i < RUNS; i++) {
          const { run, json } = await auditWithRetry(`${origin}${page.route}`, formFactor, shared?.port)
          runs.push(run)
          run.failing.forEach((f) => problems.add(`${page.route} ${formFactor} ${f}`))
          if (REPORTS) writeFileSync(reportFile(page.route, formFactor, i), json)
        }
        const med = (pick: (run: Run) => number) => median(runs.map(pick))
        rows.push(
          `| ${page.route} | ${formFactor} | ${med((r) => r.scores.performance)} | ${runs.map((r) => r.scores.performance).join('/')} | ` +
            `${Math.round(med((r) => r.tbt))} | ${(med((r) => r.lcp) / 1000).toFixed(2)} | ` +
            `${CATEGORIES.slice(1).map((c) => med((r) => r.scores[c])).join(' | ')} | ${load()} |`,
        )
        console.error(rows.at(-1))
      }
    }
  } finally {
    shared?.kill()
  }
  const how = SHARED_BROWSER ? 'one Chromium shared by every run (the earlier way, for comparison)' : 'a fresh Chromium per run'
  console.log(`\nLighthouse 13 defaults, ${RUNS > 1 ? `median of ${RUNS} runs` : '1 run'}, ${how}, next start on loopback`)
  console.log(`Load average (1 min): ${loadAtStart} at the start; the last column is at the end of each row.\n`)
  console.log('| page | form factor | performance | runs | TBT ms | LCP s | accessibility | best practices | SEO | load |')
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  console.log(rows.join('\n'))
  if (problems.size) console.log(`\nAudits below 1 (outside performance):\n${[...problems].map((p) => `- ${p}`).join('\n')}`)
}

runBench(() => withServer(TEST_SERVER_ENV, audits, ROOT ? { root: path.resolve(ROOT) } : {}))
