import { describe, expect, it } from 'vitest'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { demoOf } from '../support/demos'
import { useChromium } from '../support/use-chromium'

const HOSTILE_AGENT = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'&amp;`

describe.runIf(browserAvailable())('visitor-provided values in the live demo', () => {
  const chromium = useChromium()

  it('shows a hostile User-Agent as literal text and runs none of it', async () => {
    const context = await newContext(chromium.browser, baseUrl(), { userAgent: HOSTILE_AGENT })
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    await page.goto('/?work=0&effect=100')
    await (await demoOf(page, ['blocking', 'after'])).getByRole('button', { name: 'Run the demo' }).click()
    await page.getByTestId('timeline').waitFor()

    // The after() run's audit-log entry carries the User-Agent the server received, as text.
    await page.getByText(/^Every timestamp/).first().click()
    const cell = page.locator('td', { hasText: 'userAgent: <img src=x' }).first()
    await cell.waitFor()
    expect(await cell.textContent()).toContain(`userAgent: ${HOSTILE_AGENT}`.slice(0, 120))
    expect(await cell.locator('img, script').count()).toBe(0)
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    expect(dialogs).toEqual([])
    await context.close()
  })
})
