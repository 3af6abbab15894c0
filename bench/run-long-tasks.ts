/**
 * The main thread's tasks while the rule page's live demo draws a run, on a
 * slow phone (4x CPU slowdown, a phone screen), read from a Chrome trace: how
 * many tasks ran, the longest, and any over 50 ms (a long task, which a
 * visitor feels as jank). Measured for one run (drawn as it happens, a bar
 * growing every animation frame) and for "Run 10×". Run `npx next build` first.
 *
 *   npx tsx bench/run-long-tasks.ts [--effect=3000] [--root=DIR]
 *
 * A busy machine inflates every figure.
 */
import { loadavg } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromium } from '../tests/support/browser'
import { loadLazyParts } from '../tests/support/lazy-parts'
import { TEST_SERVER_ENV, type RunningServer } from '../tests/support/server'
import { runBench, withServer } from './run-bench'
import { median, percentile, printTable } from './stats'

const CPU_SLOWDOWN = 4
const LONG_TASK_MS = 50

const option = (name: string) => process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
const effect = Number(option('effect') ?? 3000)
const root = option('root')

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string }
}

/** The renderer main thread's top-level tasks in a trace, in ms. */
function mainThreadTasks(trace: Buffer): number[] {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  const main = traceEvents.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
  if (!main) throw new Error('The trace has no renderer main thread.')
  return traceEvents
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.name === 'RunTask')
    .map((event) => (event.dur ?? 0) / 1000)
}

/** Traces the page while `act` runs, and returns its main thread's tasks. */
async function traced(page: Page, act: () => Promise<void>): Promise<number[]> {
  const browser = page.context().browser()!
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] })
  await act()
  return mainThreadTasks(await browser.stopTracing())
}

async function measure(server: RunningServer) {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await page.goto(`${server.url}/?work=50&effect=${effect}`)
    await loadLazyParts(page)
    const demo = page.locator('section[data-demo="blocking after"]')
    await demo.scrollIntoViewIfNeeded()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })

    const single = await traced(page, async () => {
      await demo.getByRole('button', { name: 'Run the demo' }).click()
      await demo.getByTestId('timeline').waitFor({ timeout: 120_000 })
    })
    const repeat = demo.getByTestId('repeat')
    await repeat.scrollIntoViewIfNeeded()
    await repeat.getByRole('spinbutton', { name: /Times/ }).fill('10')
    const repeated = await traced(page, async () => {
      await repeat.getByRole('button', { name: 'Run 10×' }).click()
      await page.waitForFunction(() => document.querySelector('[data-testid="repeat"]')?.getAttribute('data-phase') === 'done', null, { timeout: 300_000 })
    })

    console.log(`Rule page's live demo at ${CPU_SLOWDOWN}x CPU slowdown, phone screen; side effect ${effect} ms (main-thread tasks from a Chrome trace, ms)`)
    console.log(`Load average when measured: ${loadavg().map((load) => load.toFixed(2)).join(', ')} (a busy machine makes tasks longer)\n`)
    const row = (name: string, tasks: number[]) => [
      name,
      String(tasks.length),
      median(tasks).toFixed(1),
      percentile(tasks, 99).toFixed(1),
      Math.max(...tasks).toFixed(1),
      String(tasks.filter((ms) => ms > LONG_TASK_MS).length),
    ]
    printTable(['while', 'tasks', 'median', 'p99', 'longest', `over ${LONG_TASK_MS} ms`], [row('one run, drawn live', single), row('Run 10×', repeated)])
  } finally {
    await browser.close()
  }
}

runBench(() => withServer(TEST_SERVER_ENV, measure, root ? { root: path.resolve(root) } : {}))
