import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import notesMeta from '../pages/notes/_meta.js'
import rootMeta from '../pages/_meta.js'

export interface ShortLink {
  slug: string
  /** A `[#id]` heading on the page; absent for the page itself. */
  anchor?: string
}

/** One MDX page as its front matter and source describe it. */
export interface SitePage {
  /** Path of the MDX file relative to the project root, e.g. `pages/notes/failures.mdx`. */
  file: string
  /** The page's URL path, e.g. `/notes/failures` (`/` for `pages/index.mdx`). */
  route: string
  title: string
  description: string
  shortLinks: ShortLink[]
  /** Every `[#id]` written on a heading, in order. */
  headingIds: string[]
  /** The MDX body, front matter removed. */
  body: string
}

const HEADING_ID = /^#{1,6}\s.*\[#([A-Za-z0-9_-]+)\]\s*$/

/** Heading ids written in the source (`## Title [#id]`), code fences skipped. */
export function headingIds(body: string): string[] {
  const ids: string[] = []
  let fence: string | null = null
  for (const line of body.split('\n')) {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1]
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null
      continue
    }
    if (fence !== null) continue
    const id = HEADING_ID.exec(line)?.[1]
    if (id) ids.push(id)
  }
  return ids
}

export function routeOf(file: string): string {
  const route = file
    .replace(/^pages\//, '/')
    .replace(/\.mdx?$/, '')
    .replace(/\/index$/, '')
  return route === '' ? '/' : route
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

function asShortLinks(value: unknown): ShortLink[] {
  if (!Array.isArray(value)) return []
  return value.map((item) => {
    const { slug, anchor } = (item ?? {}) as Record<string, unknown>
    return { slug: asString(slug), ...(anchor === undefined ? {} : { anchor: asString(anchor) }) }
  })
}

export function parsePage(file: string, source: string): SitePage {
  const { data, content } = matter(source)
  return {
    file,
    route: routeOf(file),
    title: asString(data.title),
    description: asString(data.description),
    shortLinks: asShortLinks(data.shortLinks),
    headingIds: headingIds(content),
    body: content,
  }
}

/**
 * Next.js's own error pages. `pages/404.mdx` wears the site's layout, but it is
 * the answer to a wrong address, not a page: no short link, twin, card or sitemap entry.
 */
const ERROR_PAGES = new Set(['pages/404.mdx', 'pages/500.mdx'])

function mdxFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('_') && !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const rel = `${dir}/${entry.name}`
      if (entry.isDirectory()) return mdxFiles(root, rel)
      return /\.mdx?$/.test(entry.name) && !ERROR_PAGES.has(rel) ? [rel] : []
    })
}

/**
 * Every MDX page under `pages/`, read from disk relative to the working
 * directory: the project root under `next build` (which prerenders the OG
 * images, Markdown twins and llms.txt from it) and `next start` (short links).
 */
export function readSitePages(root: string = process.cwd()): SitePage[] {
  return mdxFiles(root, 'pages')
    .sort()
    .map((file) => parsePage(file, readFileSync(path.join(root, file), 'utf8')))
    .sort((a, b) => compareSidebarPlaces(sidebarPlace(a.route), sidebarPlace(b.route)))
}

/**
 * The sidebar (the `_meta.js` files), folder by folder: its order, so lists of
 * pages read like the site, and its labels. A new folder under `pages/` adds its
 * `_meta.js` here (tests/unit/site-pages-order.test.ts checks that every folder has).
 */
const sidebar: Record<string, Readonly<Record<string, MetaEntry>>> = { '': rootMeta, notes: notesMeta }

/** Nextra rewrites the `_meta.js` objects it is given in place, a string `'Title'` into `{ title: 'Title' }`. */
type MetaEntry = string | { title?: string; display?: string }

/** The folders under `pages/` the sidebar knows, as routes: `['/notes']`. */
export const sidebarFolders: readonly string[] = Object.keys(sidebar)
  .filter(Boolean)
  .map((folder) => `/${folder}`)

function segmentsOf(route: string): string[] {
  return route === '/' ? ['index'] : route.split('/').slice(1)
}

/** A route's position in the sidebar, one index per path segment; a page no `_meta.js` names comes last. */
export function sidebarPlace(route: string): number[] {
  const segments = segmentsOf(route)
  return segments.map((segment, i) => {
    const index = Object.keys(sidebar[segments.slice(0, i).join('/')] ?? {}).indexOf(segment)
    return index === -1 ? Number.MAX_SAFE_INTEGER : index
  })
}

/** The route's entry in the sidebar, as its `_meta.js` names it; a page no `_meta.js` names gets its title. */
export function sidebarLabel(page: Pick<SitePage, 'route' | 'title'>): string {
  const segments = segmentsOf(page.route)
  const entry = sidebar[segments.slice(0, -1).join('/')]?.[segments.at(-1)!]
  return (typeof entry === 'string' ? entry : entry?.title) ?? page.title
}

function compareSidebarPlaces(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

let cached: SitePage[] | undefined

/** `readSitePages` once per production process; re-read on every call in development. */
export function sitePages(): SitePage[] {
  if (process.env.NODE_ENV !== 'production') return readSitePages()
  cached ??= readSitePages()
  return cached
}
