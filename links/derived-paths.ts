import { markdownPath, ogImagePath } from './site'
import type { SitePage } from './site-pages'

/**
 * The catch-all segments under which a page's derived files are routed. Both
 * the list `next build` prerenders and the lookup of a request's page go
 * through these, so the two cannot disagree.
 */
export type SegmentsOf = (route: string) => string[]

/** `/og/notes/failures.png` -> `['notes', 'failures.png']`; the home page's card is `['index.png']`. */
export const ogImageSegments: SegmentsOf = (route) => ogImagePath(route).split('/').slice(2)

/**
 * `/notes/failures.md` -> `['notes', 'failures']`, the path under `/markdown/`
 * that the `.md` rewrite in next.config.mjs gives; the home page is `['index']`.
 */
export const markdownSegments: SegmentsOf = (route) => markdownPath(route).replace(/\.md$/, '').split('/').slice(1)

export function pageAt(pages: readonly SitePage[], segments: readonly string[], segmentsOf: SegmentsOf): SitePage | undefined {
  const wanted = segments.join('/')
  return pages.find((page) => segmentsOf(page.route).join('/') === wanted)
}

/** `generateStaticParams` for a `[...path]` route: one entry per page. */
export function staticPathParams(pages: readonly SitePage[], segmentsOf: SegmentsOf): { path: string[] }[] {
  return pages.map((page) => ({ path: segmentsOf(page.route) }))
}
