/**
 * The rule page's First Load JS from the last build (run `npx next build`
 * first), computed as `next build` reports it: the gzipped JavaScript the
 * browser needs before the page is interactive (framework, main, _app and the
 * page's own chunks; CSS not included). Compared with a bare Nextra 3 docs
 * page, measured at 196 kB on this stack (../shared/stack.md).
 *
 *   npx tsx bench/first-load.ts [route=/]
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const BARE_NEXTRA_PAGE_KB = 196
const root = path.resolve(import.meta.dirname, '..')
const route = process.argv[2] ?? '/'

interface BuildManifest {
  pages: Record<string, string[]>
}

const manifest = JSON.parse(readFileSync(path.join(root, '.next/build-manifest.json'), 'utf8')) as BuildManifest
if (!manifest.pages[route]) throw new Error(`No page ${route} in .next/build-manifest.json (pages: ${Object.keys(manifest.pages).join(', ')})`)

const kB = (bytes: number) => bytes / 1000
const gzipped = (file: string) => gzipSync(readFileSync(path.join(root, '.next', file)), { level: 9 }).length

const files = [...new Set([...manifest.pages['/_app'], ...manifest.pages[route]])]
const rows = files.map((file) => ({ file, bytes: gzipped(file), css: file.endsWith('.css') }))
const js = rows.filter((r) => !r.css).reduce((sum, r) => sum + r.bytes, 0)
const css = rows.filter((r) => r.css).reduce((sum, r) => sum + r.bytes, 0)

console.log(`First Load of ${route} (gzipped, from .next/build-manifest.json)\n`)
console.log('| file | kB |')
console.log('| --- | --- |')
for (const r of rows) console.log(`| ${r.file}${r.css ? ' (CSS, not counted)' : ''} | ${kB(r.bytes).toFixed(1)} |`)
console.log(`\nFirst Load JS: ${kB(js).toFixed(1)} kB (CSS alongside: ${kB(css).toFixed(1)} kB)`)
console.log(`Bare Nextra 3 page: ${BARE_NEXTRA_PAGE_KB} kB; difference ${(kB(js) - BARE_NEXTRA_PAGE_KB).toFixed(1)} kB; target met: ${kB(js) <= BARE_NEXTRA_PAGE_KB ? 'yes' : 'no'}`)
