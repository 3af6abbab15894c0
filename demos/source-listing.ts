import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { codeToHtml } from 'shiki'

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
