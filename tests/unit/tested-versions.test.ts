import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { claimTables, runsOnEachVersion, testedVersions } from '@/demos/build-time'

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

describe('per claim, what differs between the versions', () => {
  it('lists a claim measured differently on each version with both results, and counts the ones that hold on both', () => {
    const where = testedVersions('pages/notes/where-it-works.mdx')
    const isr = where.differing.find((row) => row.claim.startsWith('ISR on 15.5: a regeneration never runs'))
    expect(isr?.results).toEqual(['never runs', 'runs on every regeneration (its record has nextPhase: null)'])
    expect(isr?.testedBy).toContain('integration/notes-surfaces-where.test.ts')
    expect(where.agreeing).toBeGreaterThan(0)
    expect(where.differing.every((row) => row.results.some((result) => result !== 'holds'))).toBe(true)
  })
})
