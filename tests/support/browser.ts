import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { WAIT_MS } from './wait'

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; no browser is ever downloaded. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Whether browser tests can run. Locally a missing browser skips them with a
 * message; under CI=true it fails the run, so CI can never pass without them.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true
  if (process.env.CI) throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`)
  console.warn(`Skipping browser tests: no Chromium at ${chromiumPath} (apt-get install -y chromium).`)
  return false
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Otherwise a page from another origin (the CSP test's framing page) is kept off 127.0.0.1 by Chromium's
      // local-network checks before this site's own headers are ever read.
      '--disable-features=LocalNetworkAccessChecks',
    ],
  })
}

export interface ContextOptions {
  colorScheme?: 'light' | 'dark'
  /** A phone-sized screen. */
  mobile?: boolean
  /**
   * Running bars grow with the clock (components/live-demo/useClock.ts), about 30 renders a second for as long as a
   * demo runs. Off unless a test is about it: with prefers-reduced-motion the chart is drawn from the same events,
   * and redrawn only when one arrives, which spares the CPU that two browser files at once share with their servers.
   */
  motion?: boolean
  userAgent?: string
}


export async function newContext(browser: Browser, baseURL: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    permissions: ['clipboard-read', 'clipboard-write'],
    reducedMotion: options.motion ? 'no-preference' : 'reduce',
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
  })
  context.setDefaultTimeout(WAIT_MS)
  return context
}


/**
 * Resolves once Next.js has hydrated the page: it records its `Next.js-hydration`
 * measure (a metric `reportWebVitals` reports) in the hydration's commit. The
 * `load` event alone says nothing about hydration (which runs in slices, in a transition).
 */
export const hydrated = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('Next.js-hydration', 'measure').length > 0)
