import type { SitePage } from './site-pages'

export interface ShortLinkTarget {
  slug: string
  /** Path and fragment the slug redirects to, e.g. `/notes/failures#demo`. */
  target: string
  title: string
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function shortLinkTargets(pages: readonly SitePage[]): ShortLinkTarget[] {
  return pages.flatMap((page) =>
    page.shortLinks.map((link) => ({
      slug: link.slug,
      target: `${page.route}${link.anchor ? `#${link.anchor}` : ''}`,
      title: page.title,
    })),
  )
}

export function findShortLink(pages: readonly SitePage[], slug: string): ShortLinkTarget | undefined {
  return shortLinkTargets(pages).find((link) => link.slug === slug)
}

/**
 * What is wrong with the pages' front matter, one sentence per problem:
 * missing title or description, a slug used twice or not lowercase-dashed,
 * a short link to an anchor the page does not declare as a `[#id]` heading.
 */
export function frontMatterProblems(pages: readonly SitePage[]): string[] {
  const problems: string[] = []
  const owner = new Map<string, string>()
  for (const page of pages) {
    if (!page.title) problems.push(`${page.file}: front matter has no title`)
    if (!page.description) problems.push(`${page.file}: front matter has no description`)
    for (const { slug, anchor } of page.shortLinks) {
      if (!SLUG.test(slug)) problems.push(`${page.file}: short link slug "${slug}" is not lowercase-dashed`)
      const first = owner.get(slug)
      if (first) problems.push(`${page.file}: short link slug "${slug}" is already declared by ${first}`)
      else owner.set(slug, page.file)
      if (anchor !== undefined && !page.headingIds.includes(anchor)) {
        problems.push(`${page.file}: short link "${slug}" points to #${anchor}, which is no [#${anchor}] heading on the page`)
      }
    }
  }
  return problems
}
