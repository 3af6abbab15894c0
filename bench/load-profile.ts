/**
 * Where a page's main-thread time goes while it loads on a slow phone: the
 * long tasks (over 50 ms; the part beyond 50 ms is Total Blocking Time) and the
 * JavaScript that ran most, from a CPU profile of the load at Lighthouse's
 * mobile CPU slowdown (4x). Run `npx next build` first.
 *
 *   npx tsx bench/load-profile.ts [route=/] [--root=DIR]
 *
 * Figures are the slowed-down ones, as Lighthouse's simulation counts them;
 * a busy machine inflates them all.
 */
import path from 'node:path'
import { launchChromium } from '../tests/support/browser'
import { TEST_SERVER_ENV, type RunningServer } from '../tests/support/server'
import { runBench, withServer } from './run-bench'
import { printTable } from './stats'

const CPU_SLOWDOWN = 4
const QUIET_MS = 3000

const route = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '/'
const root = process.argv.slice(2).find((arg) => arg.startsWith('--root='))?.slice('--root='.length)

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[]
  }
}

/** The parts of a CDP `Profiler.Profile` read here. */
interface CpuProfile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]
  samples?: number[]
  timeDeltas?: number[]
}

const IDLE = new Set(['(idle)', '(program)'])
const frameName = ({ functionName, url, lineNumber, columnNumber }: CpuProfile['nodes'][number]['callFrame']) =>
  `${functionName || '(anonymous)'} ${url.replace(/^.*\/_next\/static\//, '') || '(native)'}:${lineNumber + 1}:${columnNumber + 1}`
const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms)

/**
 * JavaScript stretches of the CPU profile: samples with JavaScript on the stack
 * and no idle gap between them, roughly the page's tasks (rendering work
 * without JavaScript shows as gaps). For each: its length, self time per
 * function, and the entry points (outermost frames) it ran.
 */
function stretches(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const entryOf = (id: number) => {
    let entry = id
    for (let up = parent.get(entry); up !== undefined && parent.get(up) !== undefined; up = parent.get(up)) entry = up
    return frameName(byId.get(entry)!.callFrame)
  }
  const result: { ms: number; self: Map<string, number>; entries: Map<string, number> }[] = []
  let current: (typeof result)[number] | undefined
  const deltas = profile.timeDeltas ?? []
  ;(profile.samples ?? []).forEach((id, i) => {
    const { callFrame } = byId.get(id)!
    const ms = (deltas[i + 1] ?? 0) / 1000
    if (IDLE.has(callFrame.functionName)) {
      current = undefined
      return
    }
    if (!current) result.push((current = { ms: 0, self: new Map(), entries: new Map() }))
    current.ms += ms
    add(current.self, frameName(callFrame), ms)
    add(current.entries, entryOf(id), ms)
  })
  return result
}

async function profile(server: RunningServer) {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await page.addInitScript(() => {
      window.__longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration })
      }).observe({ type: 'longtask', buffered: true })
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await page.goto(`${server.url}${route}`, { waitUntil: 'load' })
    // The load is over once no long task has started for QUIET_MS (Lighthouse's TTI uses a 5 s window at network quiet).
    await page.waitForFunction(
      (quiet) => {
        const last = window.__longTasks.at(-1)
        return performance.now() - (last ? last.start + last.duration : 0) > quiet
      },
      QUIET_MS,
      { polling: 250, timeout: 60_000 },
    )
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
    const longTasks = await page.evaluate(() => window.__longTasks)
    const tbt = longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0)
    console.log(`${route} at ${CPU_SLOWDOWN}x CPU slowdown, phone viewport\n`)
    console.log(`Long tasks (start ms, duration ms); blocking time after the first paint is roughly the sum beyond 50 ms: ${Math.round(tbt)} ms\n`)
    printTable(['start', 'duration'], longTasks.map((t) => [t.start.toFixed(0), t.duration.toFixed(0)]))
    const long = stretches(profile).filter((stretch) => stretch.ms > 50)
    console.log('\nJavaScript stretches over 50 ms in the CPU profile: entry points and functions with most self time (ms)')
    for (const stretch of long) {
      console.log(`\n${stretch.ms.toFixed(0)} ms`)
      printTable(['ms', 'entry'], top(stretch.entries, 4).map(([name, ms]) => [ms.toFixed(0), name]))
      printTable(['ms', 'self'], top(stretch.self, 8).map(([name, ms]) => [ms.toFixed(0), name]))
    }
  } finally {
    await browser.close()
  }
}

runBench(() => withServer(TEST_SERVER_ENV, profile, root ? { root: path.resolve(root) } : {}))
