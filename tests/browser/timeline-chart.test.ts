import path from 'node:path'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { align } from '@/demos/client/align'
import { withComputedLimit } from '@/demos/client/computed-limit'
import type { CompletedRun } from '@/demos/client/run'
import { EVENTS, LANES, type TimelineEvent } from '@/demos/engine/timeline'
import { browserAvailable } from '../support/browser'
import { watchProblems } from '../support/page-problems'
import { useChromium } from '../support/use-chromium'

const root = path.resolve(import.meta.dirname, '../..')

/** A completed, 200 run of `scenario` as the browser collects it: the recorder numbers the events in order. */
function completedRun(scenario: string, browser: CompletedRun['browser'], events: Array<Omit<TimelineEvent, 'seq'>>): CompletedRun {
  return { scenario, runId: `run-${scenario}`, status: 200, browser, events: events.map((event, seq) => ({ ...event, seq })), end: 'complete' }
}

/** A request-context run as the recorder writes it: two log writes, each ending in an "Audit log entry" mark. */
function requestContextRun(): CompletedRun {
  const events: Array<Omit<TimelineEvent, 'seq'>> = [
    { t: 0, type: EVENTS.requestReceived, label: 'Request received', lane: LANES.handler, phase: 'start' },
    { t: 2, type: EVENTS.responseReturned, label: 'Response returned', lane: LANES.handler, phase: 'end' },
    { t: 3, type: EVENTS.effectStarted, label: 'Side effect started', lane: LANES.sideEffect, phase: 'start' },
    { t: 40, type: EVENTS.effectFinished, label: 'Side effect finished', lane: LANES.sideEffect, phase: 'end' },
    { t: 41, type: EVENTS.effectLogged, label: 'Audit log entry', lane: LANES.sideEffect, phase: 'instant', detail: 'userAgent: test' },
    { t: 42, type: EVENTS.effectStarted, label: 'Side effect started', lane: LANES.sideEffect, phase: 'start' },
    { t: 80, type: EVENTS.effectFinished, label: 'Side effect finished', lane: LANES.sideEffect, phase: 'end' },
    { t: 81, type: EVENTS.effectLogged, label: 'Audit log entry', lane: LANES.sideEffect, phase: 'instant', detail: 'visitor: demo-x' },
  ]
  return completedRun('request-context', { firstByte: 6, lastByte: 7 }, events)
}

/** A middleware run (own lane, then an audit-log callback), 2,400 ms of side effect against a computed 2 s limit. */
function middlewareRun(): CompletedRun {
  const events: Array<Omit<TimelineEvent, 'seq'>> = [
    { t: 0, type: EVENTS.middlewareStarted, label: 'Middleware started', lane: LANES.middleware, phase: 'start' },
    { t: 5, type: EVENTS.middlewareReturned, label: 'Middleware returned', lane: LANES.middleware, phase: 'end', outcome: 'ok' },
    { t: 0, type: EVENTS.requestReceived, label: 'Request received', lane: LANES.handler, phase: 'start' },
    { t: 30, type: EVENTS.responseReturned, label: 'Response returned', lane: LANES.handler, phase: 'end' },
    { t: 6, type: EVENTS.effectStarted, label: 'Side effect started', lane: LANES.sideEffect, phase: 'start' },
    { t: 2406, type: EVENTS.effectFinished, label: 'Side effect finished', lane: LANES.sideEffect, phase: 'end' },
  ]
  return completedRun('middleware', { firstByte: 45, lastByte: 50 }, events)
}

/** Per row of the chart: its label, the tone its bar is drawn in, and the words saying when it ended and how long it took. */
const chartRows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-tone]')].map((bar) => {
      const label = bar.parentElement!.previousElementSibling!
      return {
        label: label.firstChild!.textContent,
        tone: (bar as HTMLElement).dataset.tone,
        figure: label.querySelector('[data-figure]')!.textContent,
      }
    }),
  )

/**
 * The chart rendered by React's development build, which checks what the
 * production site cannot (duplicate keys among them) and says so on the console.
 */
async function chartScript(runs: unknown): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { createRoot } from 'react-dom/client'
        import { TimelineChart } from './components/live-demo/TimelineChart'
        createRoot(document.getElementById('root')).render(<TimelineChart runs={${JSON.stringify(runs)}} titles={{}} />)
      `,
      resolveDir: root,
      loader: 'tsx',
    },
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    loader: { '.css': 'local-css' },
    logLevel: 'silent',
  })
  return result.outputFiles.find((file) => file.path.endsWith('.js'))!.text
}

describe.runIf(browserAvailable())('the timeline chart under React development checks', () => {
  const chromium = useChromium()

  it('draws one mark per instant event, with no warning, when a lane logs the same label twice', async () => {
    const page = await chromium.browser.newPage()
    const { problems } = await watchProblems(page)
    await page.setContent('<div id="root"></div>')
    await page.addScriptTag({ content: await chartScript([align(requestContextRun())]) })
    await expect.poll(() => page.locator('[title="Audit log entry"]').count()).toBe(2)
    expect(problems).toEqual([])
    await page.close()
  })

  it('says when each bar ends and how long it took, tells the computed limit from a failure, and keys its marks in a legend', async () => {
    const page = await chromium.browser.newPage()
    await page.setContent('<div id="root"></div>')
    const aligned = withComputedLimit(align(middlewareRun()), 2000)
    await page.addScriptTag({ content: await chartScript([aligned]) })
    await expect.poll(() => page.locator('[data-tone]').count()).toBe(5)
    expect(await chartRows(page)).toEqual([
      { label: 'Browser: request → last byte', tone: 'client', figure: 'response complete at 50 ms' },
      { label: `Server: ${LANES.middleware}`, tone: 'server', figure: '5 ms long, ended at 15 ms' },
      { label: `Server: ${LANES.handler}`, tone: 'server', figure: '30 ms long, ended at 40 ms' },
      { label: `Server: ${LANES.sideEffect}`, tone: 'effect', figure: '2,400 ms long, ended at 2,416 ms' },
      { label: 'Server: maxDuration 2 s (computed)', tone: 'limit', figure: '2 s limit (computed), reached at 2,010 ms' },
    ])
    // Every mark and colour is named on the chart itself, where a phone shows it (no hover needed).
    const legend = await page.getByRole('list', { name: 'Legend' }).textContent()
    for (const key of ['browser: request to response', "server's own steps", 'side effect', 'computed limit', 'response complete']) expect(legend).toContain(key)
    // The response line is drawn across each of the run's rows.
    expect(await page.locator('[data-response-line]').count()).toBe(5)
    // The alignment's margin, stated under the chart with where it comes from.
    const caption = page.getByTestId('chart-margin')
    expect(await caption.textContent()).toContain(`± ${Math.round(aligned.margin)} ms`)
    expect(await caption.getByRole('link', { name: 'how this is measured' }).getAttribute('href')).toBe('/#how-measured')
    await page.close()
  })
})
