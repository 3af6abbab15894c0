import { launchChromium, newContext } from '/work/wt-usecases/tests/support/browser'
const [base, path, scheme, offsets] = process.argv.slice(2)
const browser = await launchChromium()
const context = await newContext(browser, base, { colorScheme: scheme as 'light' | 'dark', mobile: true })
const page = await context.newPage()
await page.goto(path)
await page.waitForTimeout(600)
for (const y of offsets.split(',').map(Number)) {
  await page.evaluate((y) => window.scrollTo(0, y), y)
  await page.waitForTimeout(150)
  await page.screenshot({ path: `/tmp/uc-vp-${path.split('?')[0].slice(1)}-${scheme}-${y}.png` })
}
await browser.close()
