import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from './browser'

/**
 * One Chromium for the test file that calls this inside its describe block:
 * launched before its tests, closed after them. Read `.browser` in a test.
 */
export function useChromium(): { readonly browser: Browser } {
  let launched: Browser | undefined
  beforeAll(async () => {
    launched = await launchChromium()
  })
  afterAll(async () => {
    await launched?.close()
  })
  return {
    get browser() {
      if (!launched) throw new Error('Chromium is not running: call useChromium() inside a describe block.')
      return launched
    },
  }
}
