import path from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { align } from '@/demos/client/align'
import type { CompletedRun } from '@/demos/client/run-client'
import type { TimelineEvent } from '@/demos/engine/timeline'
import { browserAvailable } from '../support/browser'
import { useChromium } from '../support/use-chromium'

const root = path.resolve(import.meta.dirname, '../..')

/** A request-context run as the recorder writes it: two log writes, each ending in an "Audit log entry" mark. */
function requestContextRun(): CompletedRun {
  const events: Array<Omit<TimelineEvent, 'seq'>> = [
    { t: 0, type: 'request.received', label: 'Request received', lane: 'Handler', phase: 'start' },
    { t: 2, type: 'response.returned', label: 'Response returned', lane: 'Handler', phase: 'end' },
    { t: 3, type: 'effect.started', label: 'Side effect started', lane: 'Side effect', phase: 'start' },
    { t: 40, type: 'effect.finished', label: 'Side effect finished', lane: 'Side effect', phase: 'end' },
    { t: 41, type: 'effect.logged', label: 'Audit log entry', lane: 'Side effect', phase: 'instant', detail: 'userAgent: test' },
    { t: 42, type: 'effect.started', label: 'Side effect started', lane: 'Side effect', phase: 'start' },
    { t: 80, type: 'effect.finished', label: 'Side effect finished', lane: 'Side effect', phase: 'end' },
    { t: 81, type: 'effect.logged', label: 'Audit log entry', lane: 'Side effect', phase: 'instant', detail: 'visitor: demo-x' },
  ]
  return {
    scenario: 'request-context',
    runId: 'run-fixture1',
    status: 200,
    browser: { firstByte: 6, lastByte: 7 },
    events: events.map((event, seq) => ({ ...event, seq })),
    end: 'complete',
  }
}

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
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    await page.setContent('<div id="root"></div>')
    await page.addScriptTag({ content: await chartScript([align(requestContextRun())]) })
    await expect.poll(() => page.locator('[title="Audit log entry"]').count()).toBe(2)
    expect(problems).toEqual([])
    await page.close()
  })
})
