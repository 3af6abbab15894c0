import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { agreesOnBoth, claimTables, measuredOnBoth, runsOnEachVersion, testedVersions } from '@/demos/build-time'

const tables = claimTables(readFileSync('tests/README.md', 'utf8'))
const NONE = '—'

describe('the versions a page says its claims are tested on', () => {
  it('reads a claim table per page, with its cited integration tests and version columns', () => {
    const rule = tables.get('pages/index.mdx')!
    expect(rule.length).toBeGreaterThan(3)
    expect(rule[0]!.files).toContain('tests/integration/after-vs-blocking.test.ts')
    expect(rule[0]!.columns).toHaveLength(2)
  })

  it('a claim whose 16 column says it was measured cites a truth test that runs on each version', () => {
    const unbacked = [...tables].flatMap(([page, rows]) =>
      rows.filter((row) => row.columns[1] !== NONE && !row.files.some(runsOnEachVersion)).map((row) => `${page}: ${row.claim}`),
    )
    expect(unbacked).toEqual([])
  })

  it('names 16 for a page exactly when one of its cited truth tests runs on each version', () => {
    for (const [page, rows] of tables) {
      const { versions } = testedVersions(page)
      const on16 = rows.some((row) => row.files.some(runsOnEachVersion))
      expect(versions.length, page).toBe(rows.some((row) => row.files.length > 0) ? (on16 ? 2 : 1) : 0)
      if (on16) expect(versions[1], page).toMatch(/^16\./)
    }
  })
})

describe('how many claims measured on both agree and differ', () => {
  it('counts a page\'s claims measured on both by whether their version columns agree', () => {
    const where = testedVersions('pages/notes/where-it-works.mdx')
    const rows = tables.get('pages/notes/where-it-works.mdx')!.filter(measuredOnBoth)
    expect(where.differing).toBe(rows.filter((row) => !agreesOnBoth(row)).length)
    expect(where.differing).toBeGreaterThanOrEqual(2)
    expect(where.agreeing + where.differing).toBe(rows.length)
  })
})
