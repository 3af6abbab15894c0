import { useConfig } from 'nextra-theme-docs'
import type { ComponentProps, FC } from 'react'

type LinkProps = ComponentProps<'a'>

/** Nextra's own link look (nextra-theme-docs' `Link` and `Anchor`), for the links it would not draw as plain ones. */
const LINK_CLASSES = 'nextra-focus _text-primary-600 _underline hover:_no-underline _decoration-from-font [text-underline-position:from-font]'

/** The path of a same-site address (`/notes/failures#demo` -> `/notes/failures`); undefined for any other. */
function sitePath(href: string): string | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined
  return href.replace(/[?#].*$/, '').replace(/(.)\/$/, '$1')
}

/**
 * A link written in a page's Markdown. Nextra's goes through next/link, whose Pages Router prefetches the target
 * page's data and opens it in the browser. For an address no docs page serves (an App Router demo page such as
 * /demos/static) it fetches the 404 page's data instead, a failed request in every visitor's console, before a
 * click falls back to loading the address. Such a link is a plain one, looking the same.
 */
export function withPlainLinkOffPages(Base: FC<LinkProps>): FC<LinkProps> {
  return function PageOrPlainLink({ href = '', className, ...props }: LinkProps) {
    const { normalizePagesResult } = useConfig()
    const path = sitePath(href)
    const docsPage = path === undefined || normalizePagesResult.flatDirectories.some((item) => item.route === path)
    if (docsPage) return <Base href={href} className={className} {...props} />
    return <a href={href} className={className ? `${LINK_CLASSES} ${className}` : LINK_CLASSES} {...props} />
  }
}
