import type { Frame, Page } from 'playwright-core'

/**
 * Brings in every lazy part of the page (demos, the static record): each loads
 * only once the visitor scrolls near it, so this scrolls to each placeholder in
 * turn until none is left, then back to the top, where a visitor starts.
 */
export async function loadLazyParts(page: Page | Frame, timeout = 15_000): Promise<void> {
  const placeholders = page.locator('[data-loading]')
  for (let left = await placeholders.count(); left > 0; left = await placeholders.count()) {
    // The placeholder can be replaced between count() and the scroll; the wait below still holds.
    await placeholders
      .first()
      .scrollIntoViewIfNeeded({ timeout })
      .catch(() => undefined)
    await page.waitForFunction((before) => document.querySelectorAll('[data-loading]').length < before, left, { timeout })
  }
  await page.evaluate(() => window.scrollTo(0, 0))
}
