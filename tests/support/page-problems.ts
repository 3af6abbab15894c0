import type { Page } from 'playwright-core'

/** The server's text in the page's React root, read once the HTML is parsed and before any script has run. */
function recordServerText() {
  if (window.top !== window) return
  document.addEventListener('readystatechange', () => {
    const root = document.getElementById('__next')
    if (document.readyState !== 'interactive' || !root) return
    const texts: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    })
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue?.trim()
      if (text) texts.push(text)
    }
    ;(window as unknown as { __serverText: string[] }).__serverText = texts
  })
}

/**
 * What the page and its frames report as wrong: console errors and warnings and uncaught errors, each with the address
 * of the document that reported it. `explain()` adds, for a failure message, the server's text the page no longer
 * shows: a React hydration error (#418) says only that some text differed, and a CI run saw one that no local run
 * has shown.
 */
export async function watchProblems(page: Page): Promise<{ problems: string[]; explain: () => Promise<string> }> {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.text()} [${message.location().url}]`)
  })
  page.on('pageerror', (error) => problems.push(`${error.message} [uncaught]`))
  await page.addInitScript(recordServerText)
  const explain = async () => {
    const gone = await page.evaluate(() => {
      const served = (window as unknown as { __serverText?: string[] }).__serverText ?? []
      const shown = new Set<string>()
      const walker = document.createTreeWalker(document.getElementById('__next') ?? document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) shown.add(node.nodeValue?.trim() ?? '')
      // The lazy parts' placeholders are replaced by design.
      return [...new Set(served)].filter((text) => !shown.has(text) && !/^Loading /.test(text))
    })
    return `${problems.join('\n')}\nthe server's text this page no longer shows: ${JSON.stringify(gone.slice(0, 20))}`
  }
  return { problems, explain }
}
