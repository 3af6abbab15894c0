import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { describeError, parseComposition } from '@/demos/compose/parse'
import { baseUrl, servedVersions } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { loadLazyParts } from '../support/lazy-parts'
import { useChromium } from '../support/use-chromium'

/** The focused element: its tag, its name (aria-label, else its label's first line, else its text) and its step row. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const name = el.getAttribute('aria-label') ?? el.closest('label')?.querySelector('span')?.textContent ?? el.textContent ?? ''
    return `${el.tagName.toLowerCase()}|${name.trim()}|${el.closest('[data-row]')?.getAttribute('data-row') ?? ''}`
  })

/** Presses Tab (or Shift+Tab) until the focused element matches `target`; fails rather than looping forever. */
async function tabTo(page: Page, target: RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let presses = 0; presses < 150; presses++) {
    if (target.test(await focused(page))) return
    await page.keyboard.press(key)
  }
  throw new Error(`${key} never reached ${target}; focus is on ${await focused(page)}`)
}

/** Replaces the focused field's value by typing. */
async function retype(page: Page, value: string) {
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(value)
}

/** The handler's code as shown, and each step's fields: what a reload must give back. */
const composition = (page: Page) =>
  page.evaluate(() => ({
    code: document.querySelector('[data-testid=composed-code] pre')?.textContent,
    fields: [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-row] input, [data-row] select')].map((field) =>
      field instanceof HTMLInputElement && field.type === 'checkbox' ? field.checked : field.value,
    ),
  }))

/** `text` as a pattern that matches it literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe.runIf(browserAvailable())('the playground in Chromium', () => {
  const chromium = useChromium()

  /** /playground with `query`, once its composition is shown: the page, its live demo and the demo's Run N× part. */
  async function openPlayground(query: string) {
    const { context, page } = await chromium.open(`/playground?${query}`)
    await loadLazyParts(page)
    await page.getByTestId('composed-code').waitFor()
    const demo = page.locator('section[data-demo="compose"]')
    return { context, page, demo, repeat: demo.getByTestId('repeat') }
  }

  it('composes a handler with the keyboard alone, runs it, draws its timeline in order, and a reload of its URL gives it back', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    await page.goto('/playground')
    await loadLazyParts(page)
    await page.getByTestId('composed-code').waitFor()

    // Past the site's navigation, as a keyboard user would.
    await tabTo(page, /^a\|Skip to content\|$/)
    await page.keyboard.press('Enter')
    // From the rule's composition (work, after: audit log) to work:30, await:email:200, after:audit-log:300.
    await tabTo(page, /^input\|Duration \(ms, [^|]+\|0$/)
    await retype(page, '30')
    await tabTo(page, /^input\|Duration \(ms, [^|]+\|1$/)
    // Out of bounds: said on its step, in the parser's words (the server's), and the URL keeps the last composition that parses.
    await retype(page, '99999')
    const refused = parseComposition('work:30,after:audit-log:99999')
    if (!('error' in refused)) throw new Error('99999 ms should be out of bounds')
    await expect.poll(() => page.locator('[data-row="1"] [data-testid=row-error]').textContent()).toBe(`${refused.error.message} Allowed: ${refused.error.allowed}.`)
    // 999 was the last value typed on the way that parsed.
    expect(new URL(page.url()).searchParams.get('steps')).toBe('work:30,after:audit-log:999')
    await retype(page, '300')
    await tabTo(page, /^button\|Add a side effect/)
    await page.keyboard.press('Enter')
    await tabTo(page, /^select\|Side effect\|2$/, 'Shift+Tab')
    await page.keyboard.type('Email')
    await page.keyboard.press('Tab')
    // From after() up past void to await.
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await tabTo(page, /^input\|Duration \(ms, [^|]+\|2$/)
    await retype(page, '200')
    await tabTo(page, /^button\|Move step 3\. Email up\|2$/)
    await page.keyboard.press('Enter')
    // The focus follows the step to its new place.
    await expect.poll(() => focused(page)).toBe('button|Move step 2. Email up|1')

    const text = 'work:30,await:email:200,after:audit-log:300'
    await expect.poll(() => new URL(page.url()).searchParams.get('steps')).toBe(text)
    const code = page.getByTestId('composed-code')
    await code.locator('pre.shiki').waitFor()
    const shown = await code.locator('pre').textContent()
    expect(shown).toContain('await updateDatabase() // 30 ms\n  await sendEmail() // 200 ms\n  after(() => writeAuditLog()) // 300 ms\n')

    await tabTo(page, /^button\|Run the demo\|$/)
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=demo-status][data-phase=done]').waitFor()
    await tabTo(page, /^summary\|Every timestamp/)
    await page.keyboard.press('Enter')
    const serverEvents = await page.locator('table tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')).filter(([, clock]) => clock === 'server').map(([label]) => label),
    )
    const order = [
      'Critical work started',
      'Critical work done',
      'sendEmail started',
      'sendEmail finished',
      'Body handed to Next.js (last byte)',
      'writeAuditLog started',
      'writeAuditLog finished',
    ]
    expect(serverEvents.filter((label) => order.includes(label))).toEqual(order)
    expect(await page.getByTestId('demo-announcement').textContent()).toMatch(/^Your handler, Next\.js [\d.]+: the browser had the whole response after/)

    const before = await composition(page)
    await page.reload()
    await loadLazyParts(page)
    await page.getByTestId('composed-code').locator('pre.shiki').waitFor()
    expect(await composition(page)).toEqual(before)
    expect(before.fields).toEqual(['30', 'email', 'await', '200', false, 'audit-log', 'after', '300', false])
    await context.close()
  })

  it('Run N× refuses a composition that cannot run, in the words Run uses, and the button is described by them', async () => {
    const { context, page, demo, repeat } = await openPlayground(`steps=${encodeURIComponent('work:20,after:audit-log:100')}`)
    const refused = parseComposition('work:20,after:audit-log:99999')
    if (!('error' in refused)) throw new Error('99999 ms should be out of bounds')
    const reason = `Error: The composition cannot run: ${describeError(refused.error)}`
    await page.locator('[data-row="1"]').getByLabel(/^Duration/).fill('99999')
    await page.locator('[data-row="1"] [data-testid=row-error]').waitFor()
    // What the two presses ask of the servers: a run starts with a demo's request or a run's stream. The page's own
    // requests, not the server's count of runs, which counts every client's (a CI run saw one more run there).
    const started: string[] = []
    page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (/\/api\/(demos\/|runs\b)/.test(pathname)) started.push(`${request.method()} ${pathname}`)
    })

    await demo.getByRole('button', { name: 'Run the demo' }).click()
    await expect.poll(() => demo.getByTestId('demo-note').textContent()).toBe(reason)
    const repeatButton = repeat.getByRole('button', { name: /^Run \d+×$/ })
    // Not greyed as though something were running: like Run, it answers a press with the reason.
    expect(await repeatButton.getAttribute('aria-disabled')).toBe('false')
    await repeatButton.click()
    const progress = repeat.getByTestId('repeat-progress')
    await expect.poll(() => progress.textContent()).toBe(reason)
    expect(await repeat.getAttribute('data-phase')).toBe('error')
    expect(await repeatButton.getAttribute('aria-describedby')).toBe(await progress.getAttribute('id'))
    // Both presses have been answered, so neither can still start a run.
    expect(started).toEqual([])
    await context.close()
  })

  it('Run N× runs a composition N times on each version and draws the spread of each one\'s response times', async () => {
    const versions = await servedVersions()
    const times = 3
    const total = times * versions.length
    const { context, page, repeat } = await openPlayground(`steps=${encodeURIComponent('work:20,after:audit-log:100')}&next=both`)
    // Run N× runs on the versions chosen once the catalogue has answered (on the site's own alone before that).
    await expect.poll(() => page.getByRole('radio', { name: 'Both, side by side' }).isChecked()).toBe(true)
    await repeat.getByRole('spinbutton', { name: /Times/ }).fill(String(times))
    await repeat.getByRole('button', { name: `Run ${times}×` }).click()
    await expect.poll(() => repeat.getAttribute('data-phase')).toBe('done')
    expect(await repeat.getByTestId('repeat-progress').textContent()).toBe(`Done: ${total} of ${total} runs.`)

    // One row per version, labelled with the version its runs reported, each with a dot per run.
    const titles = versions.map((version) => `Your handler, Next.js ${version.next}`)
    const rows = repeat.locator('[data-repeat-row="compose"]')
    expect(await rows.evaluateAll((all) => all.map((row) => row.firstElementChild?.textContent))).toEqual(titles)
    expect(await rows.evaluateAll((all) => all.map((row) => row.querySelectorAll('[data-point]').length))).toEqual(titles.map(() => times))

    // Each version's median and p95 in words; every median but the fastest is compared with the fastest one's.
    const figures = await repeat.getByTestId('repeat-figures').locator('li').allTextContents()
    expect(figures).toHaveLength(titles.length)
    // What each figure compares its median with: nothing for the fastest.
    const comparedWith = titles.map((title, i) => {
      const match = figures[i]!.match(new RegExp(`^${literally(title)}: median [\\d,]+ ms, p95 [\\d,]+ ms \\(${times} runs\\)(?:; its median is [\\d.]+× that of (.+))?$`))
      expect(match, figures[i]).not.toBeNull()
      return match![1]
    })
    const fastest = titles.filter((_, i) => comparedWith[i] === undefined)
    expect(fastest).toHaveLength(1)
    expect(comparedWith.filter((other) => other !== undefined)).toEqual(titles.slice(1).map(() => fastest[0]))
    await context.close()
  })
})
