import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

export interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string; summary: string }[]
}

/** axe's violations on the page and every frame in it (the demo surfaces), one line of advice per element. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated over the DevTools protocol, so the site's script-src does not apply; every frame needs its own copy.
  for (const frame of page.frames()) await frame.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const { violations } = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
    }))
  }, AXE_TAGS)
}

export function readable(violations: readonly Violation[]): string {
  return violations
    .map((v) => [`${v.id} (${v.impact}): ${v.help}`, ...v.nodes.map((n) => `  ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`)].join('\n'))
    .join('\n')
}
