/**
 * Where the site lives and where its source is. Both come from the
 * environment at build time so that a deployment can set its own.
 */
export const site = {
  name: 'after-guide',
  tagline: 'Use after() for non-blocking operations, proved live',
  origin: (process.env.NEXT_PUBLIC_SITE_URL || 'http://localhost:3000').replace(/\/$/, ''),
  repository: (process.env.NEXT_PUBLIC_REPOSITORY_URL || 'https://github.com/after-guide/after-guide').replace(/\/$/, ''),
}

/** The public origin set at build (`NEXT_PUBLIC_SITE_URL`); undefined when none was, and copied links then use the visitor's. */
export const configuredOrigin: string | undefined = process.env.NEXT_PUBLIC_SITE_URL?.replace(/\/$/, '') || undefined

/**
 * `path` as a link a visitor copies: on the configured public origin, else on
 * the origin the visitor is on, so a copied link works wherever the site runs.
 */
export function copiedUrl(path: string): string {
  return `${configuredOrigin ?? (typeof window === 'undefined' ? site.origin : window.location.origin)}${path}`
}

/** `path` on the site's public origin (the build's: canonical and Open Graph tags, Markdown twins). */
export function absoluteUrl(path: string): string {
  return `${site.origin}${path}`
}

/** The page as Markdown: `/notes/failures.md`; the home page is `/index.md`. */
export function markdownPath(route: string): string {
  return route === '/' ? '/index.md' : `${route}.md`
}

/** The Open Graph card's size: the image is drawn at it, and the meta tags state it. */
export const OG_SIZE = { width: 1200, height: 630 } as const

/** The page's Open Graph image: `/og/notes/failures.png`; the home page's is `/og/index.png`. */
export function ogImagePath(route: string): string {
  return `/og${route === '/' ? '/index' : route}.png`
}
