import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { agreesOnBoth, claimTables, measuredOnBoth, placedNotes, rowOf, versionNotes } from '@/demos/build-time'
import { markdownTwin } from '@/links/markdown-twin'
import { readSitePages } from '@/links/site-pages'

const readme = readFileSync('tests/README.md', 'utf8')
const tables = claimTables(readme)
/** Every MDX page, by its path from the project root, and its source. */
const pages = readdirSync('pages', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => [path.join('pages', file), readFileSync(path.join('pages', file), 'utf8')] as const)

describe('the per-claim version notes', () => {
  it('every <VersionNote> key names exactly one claim row of its page, measured on both versions', () => {
    const wrong = pages.flatMap(([page, mdx]) =>
      placedNotes(mdx).flatMap(({ claim }) => {
        const row = rowOf(tables.get(page) ?? [], claim)
        if ('error' in row) return [`${page}: "${claim}" ${row.error}`]
        return measuredOnBoth(row) ? [] : [`${page}: "${claim}" is not measured on both versions`]
      }),
    )
    expect(wrong).toEqual([])
  })

  it('every claim row whose versions differ is noted on its page', () => {
    const unplaced = [...tables].flatMap(([page, rows]) => {
      const mdx = pages.find(([file]) => file === page)?.[1] ?? ''
      const placed = placedNotes(mdx).map(({ claim }) => rowOf(rows, claim))
      return rows.filter((row) => measuredOnBoth(row) && !agreesOnBoth(row) && !placed.includes(row)).map((row) => `${page}: ${row.claim}`)
    })
    expect(unplaced).toEqual([])
  })

  it('a key that names no row, or several, fails the build with the page and the key', () => {
    const mdx = '## A section [#a]\n\n<VersionNote claim="No claim starts like this" />\n'
    expect(() => versionNotes('pages/notes/where-it-works.mdx', mdx, readme)).toThrow(
      '<VersionNote claim="No claim starts like this"> in pages/notes/where-it-works.mdx names no claim row',
    )
    expect(() => versionNotes('pages/notes/where-it-works.mdx', '<VersionNote claim="ISR on 15.5" />', readme)).toThrow('names 2 claim rows')
  })

  it('gives a differing claim both results, the tests that ran it on each version, and its section\'s demo on both', () => {
    const page = 'pages/notes/where-it-works.mdx'
    const notes = versionNotes(page, pages.find(([file]) => file === page)![1], readme)
    const isr = notes['ISR on 15.5: a regeneration whose after() comes once the response']!
    expect(isr.versions).toEqual([expect.stringMatching(/^15\.5\./), expect.stringMatching(/^16\./)])
    expect(isr.claim).toMatch(/^ISR on 15\.5: a regeneration whose after\(\) comes once the response that triggered it has closed never runs the callback/)
    expect(isr.results).toEqual(['never runs', 'runs on every regeneration (its record has `nextPhase: null`)'])
    expect(isr.testedBy).toEqual(['tests/integration/notes-surfaces-where.test.ts'])
    expect(isr.demo).toBe('?next=both#static-pages')
    // Agreeing claims get no demo link; a differing one in a section without a demo neither.
    expect(notes['Static pages: the callback runs once']!.demo).toBeUndefined()
    expect(notes['after() imported into a Pages Router page']!.demo).toBeUndefined()
  })

  it('finds each note\'s section and whether that section has a live demo', () => {
    const mdx = [
      '# Page [#page]',
      '<VersionNote claim="a" />',
      '## With a demo [#with]',
      '<SurfaceDemo demos={[]} />',
      '<VersionNote claim="b" />',
      '## Without [#without]',
      '<VersionNote claim="c" />',
    ].join('\n')
    expect(placedNotes(mdx)).toEqual([
      { claim: 'a', sectionHasDemo: false },
      { claim: 'b', section: 'with', sectionHasDemo: true },
      { claim: 'c', section: 'without', sectionHasDemo: false },
    ])
  })

  it('writes each note as a sentence in the page\'s Markdown twin', () => {
    const md = markdownTwin(readSitePages().find((page) => page.file === 'pages/notes/request-context.mdx')!)
    expect(md).toMatch(/\*Same on Next\.js 15\.5\.\d+ and 16\.\d+\.\d+: The same in a Server Action \(tested: `integration\/notes-surfaces-context\.test\.ts`\)\.\*/)
    expect(md).toMatch(/\*Differs between Next\.js versions: `headers\(\)` called from a promise passed to `after\(\)`, once the response has closed: works in a Route Handler on both; in a Server Component works on 15\.5, throws on 16\. On 15\.5\.\d+, measured: works; on 16\.\d+\.\d+, measured: throws in a Server Component \(tested: `integration\/next-upstream\.test\.ts`\)\.\*/)
    expect(md).not.toContain('(VersionNote)')
  })
})
