import { readFileSync } from 'node:fs'
import path from 'node:path'

/** One row of a page's claim table in tests/README.md: the integration test files it cites, and its version columns as written. */
export interface ClaimRow {
  claim: string
  files: string[]
  /** The `15.5` and `16` columns: `holds`, a measured value, or `—` (no integration truth test on that version). */
  columns: string[]
}

const root = () => process.cwd()
const read = (file: string) => readFileSync(path.join(root(), file), 'utf8')

/** Per page (its MDX file), the rows of its claim table, read from tests/README.md's `## Title (`pages/x.mdx`…)` sections. */
export function claimTables(readme: string): Map<string, ClaimRow[]> {
  const tables = new Map<string, ClaimRow[]>()
  let page: string | undefined
  for (const line of readme.split('\n')) {
    if (line.startsWith('## ')) page = /\(`(pages\/[^`]+\.mdx)`/.exec(line)?.[1]
    const cells = line.split(' | ')
    if (!page || !line.startsWith('| ') || cells.length < 4 || line.startsWith('| claim |') || line.startsWith('| ---')) continue
    const files = [...new Set([...cells[1]!.matchAll(/`integration\/([\w.-]+\.test\.ts)`/g)].map((match) => `tests/integration/${match[1]}`))]
    const row = { claim: cells[0]!.slice(2), files, columns: cells.slice(-2).map((cell) => cell.replace(/ \|$/, '').trim()) }
    tables.set(page, [...(tables.get(page) ?? []), row])
  }
  return tables
}

/** Whether a test file runs its tests on every version (tests/support/api.ts's `eachVersion`), read from its source. */
export const runsOnEachVersion = (file: string): boolean => /\beachVersion\(/.test(read(file))

/** The exact Next.js a package resolves (`""` for the site, `next16` for the Next.js 16 server): what the tests ran against. */
const installedNext = (pkg: string): string => (JSON.parse(read(path.join(pkg, 'node_modules/next/package.json'))) as { version: string }).version

/**
 * The Next.js versions `page`'s claims were tested on, from the test suite
 * itself: the site's own when its claim table cites an integration truth
 * test, and the Next.js 16 server's when one of those runs on each version.
 * Empty when no integration test backs the page.
 */
export function testedVersions(page: string): string[] {
  const files = new Set((claimTables(read('tests/README.md')).get(page) ?? []).flatMap((row) => row.files))
  if (files.size === 0) return []
  return [installedNext(''), ...([...files].some(runsOnEachVersion) ? [installedNext('next16')] : [])]
}
