import { readFileSync } from 'node:fs'
import path from 'node:path'
import { agreesOnBoth, claimTables, installedNext, measuredOnBoth, runsOnEachVersion, type ClaimRow } from './tested-versions'

/** What one claim does on each version, as its claim-table row and the tests it cites say; shown beside the claim. */
export interface VersionNote {
  /** The claim as its row states it (its anchor dropped): what the note is about, where several stand together. */
  claim: string
  /** The exact Next.js versions compared: the site's, then the Next.js 16 server's. */
  versions: [string, string]
  /** Each version's result as its column says: `holds`, or what was measured. */
  results: [string, string]
  /** The cited integration test files that run on each version (`tests/integration/x.test.ts`). */
  testedBy: string[]
  /** Where the results differ and the note's section has a live demo: that section, opened with both versions chosen. */
  demo?: string
}

/** A `<VersionNote claim="…" />` tag: its key and the `[#id]` of the section it stands in. */
export interface PlacedNote {
  claim: string
  section?: string
  /** Whether that section has a live demo or record. */
  sectionHasDemo: boolean
}

const TAG = /<VersionNote\s+claim="([^"]+)"/
const HEADING = /^#{1,6} .*\[#([\w-]+)\]\s*$/
const DEMO = /<(LiveDemo|SurfaceDemo|PagesApiDemo|StaticRecord)\b/

/** Every `<VersionNote>` tag in an MDX source, with the section it stands in. */
export function placedNotes(mdx: string): PlacedNote[] {
  const sections: Array<{ id?: string; lines: string[] }> = [{ lines: [] }]
  for (const line of mdx.split('\n')) {
    const heading = HEADING.exec(line)
    // An h1 is the page itself, whose anchor (the page's short link) is not a section with a demo of its own.
    if (heading && !line.startsWith('# ')) sections.push({ id: heading[1], lines: [] })
    sections.at(-1)!.lines.push(line)
  }
  return sections.flatMap(({ id, lines }) =>
    lines.flatMap((line) => {
      const claim = TAG.exec(line)?.[1]
      return claim ? [{ claim, ...(id ? { section: id } : {}), sectionHasDemo: lines.some((other) => DEMO.test(other)) }] : []
    }),
  )
}

const plain = (text: string) => text.replace(/`/g, '')

/** The one row of `rows` whose claim starts with `key` (backticks ignored), or why there is none. */
export function rowOf(rows: readonly ClaimRow[], key: string): ClaimRow | { error: string } {
  const found = rows.filter((row) => plain(row.claim).startsWith(key))
  if (found.length === 1) return found[0]!
  return { error: found.length === 0 ? `names no claim row` : `names ${found.length} claim rows; lengthen it until it names one` }
}

/**
 * Per `<VersionNote>` key on `page` (its MDX file), what the claim does on
 * 15.5 and 16, from its claim-table row in tests/README.md and the tests
 * that row cites. A key that names no row, or a row not measured on both
 * versions, fails the build: a note must never be silently missing.
 */
export function versionNotes(page: string, mdx: string, readme = readFileSync(path.join(process.cwd(), 'tests/README.md'), 'utf8')): Record<string, VersionNote> {
  const placed = placedNotes(mdx)
  if (placed.length === 0) return {}
  const rows = claimTables(readme).get(page) ?? []
  const versions: [string, string] = [installedNext(''), installedNext('next16')]
  return Object.fromEntries(
    placed.map(({ claim, section, sectionHasDemo }) => {
      const row = rowOf(rows, claim)
      if ('error' in row) throw new Error(`<VersionNote claim="${claim}"> in ${page} ${row.error} of its table in tests/README.md`)
      if (!measuredOnBoth(row)) throw new Error(`<VersionNote claim="${claim}"> in ${page}: that claim is not measured on both versions`)
      const note: VersionNote = {
        claim: row.claim.replace(/\s*\(`#[\w-]+`\)/g, ''),
        versions,
        results: row.columns as [string, string],
        testedBy: row.files.filter(runsOnEachVersion),
        ...(!agreesOnBoth(row) && sectionHasDemo && section ? { demo: `?next=both#${section}` } : {}),
      }
      return [claim, note]
    }),
  )
}

/** A note as one Markdown sentence, for the page's Markdown twin (links/markdown-twin.ts). */
export function noteAsMarkdown({ claim, versions: [site15, site16], results: [result15, result16], testedBy }: VersionNote): string {
  const tested = `tested: ${testedBy.map((file) => `\`${file.replace(/^tests\//, '')}\``).join(', ')}`
  if (result15 === result16) return `*Same on Next.js ${site15} and ${site16}${result15 === 'holds' ? '' : ` (${result15})`}: ${claim} (${tested}).*`
  return `*Differs between Next.js versions: ${claim}. On ${site15}, ${result15}; on ${site16}, ${result16} (${tested}).*`
}
