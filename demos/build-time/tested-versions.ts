import { readFileSync } from 'node:fs'
import path from 'node:path'

/** One row of a page's claim table in tests/README.md: the integration test files it cites, and its version columns as written. */
export interface ClaimRow {
  claim: string
  files: string[]
  /** The `15.5` and `16` columns (the third and fourth; the fifth names the upstream test): `holds`, a measured value, or `—` (no integration truth test on that version). */
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
    const row = { claim: cells[0]!.slice(2), files, columns: cells.slice(2, 4).map((cell) => cell.replace(/ \|$/, '').trim()) }
    tables.set(page, [...(tables.get(page) ?? []), row])
  }
  return tables
}

/**
 * Whether a test file runs its tests on every version, read from its source: parametrized (tests/support/api.ts's
 * `eachVersion`, or `.each(inject('versions'))`), or a block of its own for the 16 server beside tests that run on
 * the site's (integration/receipts.test.ts).
 */
export const runsOnEachVersion = (file: string): boolean =>
  /\beachVersion\(|\.each\(inject\('versions'\)\)|runIf\(inject\('versions'\)\.some\(\(version\) => version\.name === '16'\)\)/.test(read(file))

/** The exact Next.js a package resolves (`""` for the site, `next16` for the Next.js 16 server): what the tests ran against. */
export const installedNext = (pkg: string): string => (JSON.parse(read(path.join(pkg, 'node_modules/next/package.json'))) as { version: string }).version

/** Whether a row was measured on both versions: neither column is `—`, and a test it cites runs on each version. */
export const measuredOnBoth = (row: ClaimRow): boolean => row.columns.every((column) => column !== '—') && row.files.some(runsOnEachVersion)

/** Whether a row measured on both came out the same on each. */
export const agreesOnBoth = (row: ClaimRow): boolean => row.columns[0] === row.columns[1]

/** What a page says about its claims on each version, from the test suite. */
export interface TestedOn {
  /** The versions its claims were tested on (exact); empty when no integration truth test backs it. */
  versions: string[]
  /** How many claims were measured on both and came out the same. */
  agreeing: number
  /** How many were measured on both and differ (each says how beside the claim: version-notes.ts). */
  differing: number
}

/**
 * The Next.js versions `page`'s claims were tested on, from the test suite
 * itself: the site's own when its claim table cites an integration truth
 * test, and the Next.js 16 server's when one of those runs on each version;
 * then how many claims measured on both agree and differ.
 */
export function testedVersions(page: string): TestedOn {
  const rows = claimTables(read('tests/README.md')).get(page) ?? []
  const files = new Set(rows.flatMap((row) => row.files))
  if (files.size === 0) return { versions: [], agreeing: 0, differing: 0 }
  const versions = [installedNext(''), ...([...files].some(runsOnEachVersion) ? [installedNext('next16')] : [])]
  const onBoth = rows.filter(measuredOnBoth)
  const agreeing = onBoth.filter(agreesOnBoth).length
  return { versions, agreeing, differing: onBoth.length - agreeing }
}
