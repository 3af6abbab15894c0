import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { codeToHtml } from 'shiki'
import { testedVersions } from './tested-versions'
import { versionNotes } from './version-notes'

export interface Listing {
  file: string
  code: string
  /** Highlighted by shiki at build time; colours come from CSS variables for light and dark mode. */
  html: string
}

/**
 * Reads demo source files at build time (from `getStaticProps`) and
 * highlights them, so a page shows exactly the code that runs.
 */
export async function loadListings(files: readonly string[]): Promise<Record<string, Listing>> {
  const entries = await Promise.all(
    files.map(async (file): Promise<[string, Listing]> => {
      const code = (await readFile(path.join(process.cwd(), file), 'utf8')).trimEnd()
      const html = await codeToHtml(code, {
        lang: file.endsWith('x') ? 'tsx' : 'ts',
        themes: { light: 'github-light', dark: 'github-dark' },
        defaultColor: false,
      })
      return [file, { file, code, html }]
    }),
  )
  return Object.fromEntries(entries)
}

/** The `file` of every `<Listing file="…">` tag in an MDX source, once each. */
export function listedFiles(mdx: string): string[] {
  return [...new Set([...mdx.matchAll(/<Listing\s+file="([^"]+)"/g)].map((match) => match[1]!))]
}

/**
 * `getStaticProps` of a page that shows listings: reads the page's own MDX
 * source (`page`, relative to the project root), finds its `<Listing>` tags
 * and loads their files, so what the page loads cannot drift from what it shows;
 * the Next.js versions the test suite checks its claims on (`testedOn`), and
 * what each `<VersionNote>` claim does on each version (`versionNotes`).
 */
export async function listingProps(page: string) {
  const mdx = await readFile(path.join(process.cwd(), page), 'utf8')
  return { props: { ssg: { listings: await loadListings(listedFiles(mdx)), testedOn: testedVersions(page), versionNotes: versionNotes(page, mdx) } } }
}
