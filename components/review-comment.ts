import type { ShortLink } from '../links/site-pages'
import { site } from '../links/site'

/** The Markdown a reviewer pastes: the advice, then a link to the section that explains it, named after it. */
export function reviewComment(text: string, section: string, url: string): string {
  return `${text.trim()} See [${site.name}: ${section}](${url}).`
}

const isShortLink = (link: unknown): link is ShortLink =>
  typeof (link as ShortLink | null)?.slug === 'string' && ['string', 'undefined'].includes(typeof (link as ShortLink).anchor)

/**
 * The front matter's short link for a section (`/r/<slug>` outlives a page
 * move): the one declared for `anchor`, or the page's own when the comment
 * sits at the top of the page (no anchor, or the H1's).
 */
export function shortLinkSlug(shortLinks: unknown, anchor: string | undefined, pageTop: boolean): string | undefined {
  const links = Array.isArray(shortLinks) ? shortLinks.filter(isShortLink) : []
  const own = anchor === undefined ? undefined : links.find((link) => link.anchor === anchor)
  return (own ?? (pageTop ? links.find((link) => link.anchor === undefined) : undefined))?.slug
}
