import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserAvailable } from '../support/browser'
import { useChromium } from '../support/use-chromium'

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null
    return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('name') ?? ''}:${el.getAttribute('value') ?? el.textContent ?? ''}` : ''
  })

/** Presses Tab until the focused element matches `target`; fails rather than looping forever. */
async function tabTo(page: Page, target: RegExp) {
  for (let presses = 0; presses < 80; presses++) {
    if (target.test(await focused(page))) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target}; focus is on ${await focused(page)}`)
}

describe.runIf(browserAvailable())('the "Does this belong in after()?" check in Chromium', () => {
  const chromium = useChromium()

  it('is answered with the keyboard alone, keeps the answers in the URL and shows the same verdict on reload', async () => {
    const { context, page } = await chromium.open('/decide')
    const verdict = page.getByTestId('verdict')
    expect(await verdict.getAttribute('aria-live')).toBe('polite')

    // "No" to the first four questions: Tab into each radio group, arrow to "No".
    for (const name of ['response', 'client', 'failure', 'before']) {
      await tabTo(page, new RegExp(`^input:${name}:yes$`))
      await page.keyboard.press('ArrowDown')
      expect(await focused(page)).toBe(`input:${name}:no`)
      await expect.poll(() => page.locator(`input[name="${name}"][value="no"]`).isChecked()).toBe(true)
      expect(await verdict.textContent()).toBe('')
    }
    // "Yes" to the fifth: Space checks the focused "Yes".
    await tabTo(page, /^input:durable:yes$/)
    await page.keyboard.press('Space')

    await expect.poll(() => verdict.locator('[data-verdict]').getAttribute('data-verdict')).toBe('durable-queue')
    expect(await verdict.textContent()).toMatch(/durable queue/i)
    expect(await verdict.getByRole('link').getAttribute('href')).toBe('/use-cases#durable-work')
    // The check ended at the first "yes": the sixth question is not asked.
    expect(await page.locator('input[name="heavy"]').count()).toBe(0)

    const query = 'response=no&client=no&failure=no&before=no&durable=yes'
    await expect.poll(() => new URL(page.url()).search).toBe(`?${query}`)

    // The copy button is reachable by keyboard and copies a link to this verdict.
    await tabTo(page, /^button:::?Copy link to this verdict/)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/decide\\?${query}#check$`))
    // Announced once the write has succeeded, a render after the clipboard changed.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied to the clipboard' }).count()).toBe(1)

    await page.reload()
    await expect.poll(() => page.getByTestId('verdict').locator('[data-verdict]').getAttribute('data-verdict')).toBe('durable-queue')
    expect(await page.locator('input[name="failure"][value="no"]').isChecked()).toBe(true)
    await context.close()
  })

  it('opens a linked verdict, and changing an early answer drops the later ones', async () => {
    const { context, page } = await chromium.open('/decide?response=no&client=no&failure=no&before=no&durable=no&heavy=no')
    const verdict = page.getByTestId('verdict')
    await expect.poll(() => verdict.locator('[data-verdict]').getAttribute('data-verdict')).toBe('use-after')

    await page.locator('input[name="client"][value="yes"]').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => verdict.locator('[data-verdict]').getAttribute('data-verdict')).toBe('client-needs-data')
    await expect.poll(() => new URL(page.url()).search).toBe('?response=no&client=yes')
    expect(await page.locator('input[name="failure"]').count()).toBe(0)

    // Nonsense in the query is ignored, not shown as a verdict.
    await page.goto('/decide?response=perhaps&client=yes')
    await page.locator('input[name="response"]').first().waitFor()
    expect(await verdict.locator('[data-verdict]').count()).toBe(0)
    await context.close()
  })
})
