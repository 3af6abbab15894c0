import { useRouter } from 'next/router'
import { useConfig } from 'nextra-theme-docs'
import { absoluteUrl, markdownPath, OG_SIZE, ogImagePath, site } from '../links/site'

/**
 * Per-page head tags from the page's front matter: title, meta description,
 * canonical URL, Open Graph and Twitter card, all with absolute URLs on the
 * configured origin. Nextra calls this as a function inside its own head.
 */
export function PageHead() {
  const { frontMatter, title } = useConfig()
  const { pathname } = useRouter()
  const pageTitle = String(frontMatter.title ?? title ?? site.name)
  const description = String(frontMatter.description ?? site.tagline)
  const url = absoluteUrl(pathname)
  const image = absoluteUrl(ogImagePath(pathname))
  const fullTitle = `${pageTitle} · ${site.name}`
  // The 404 page answers every wrong address: it has no URL, card or twin of its own to announce.
  if (pathname === '/404') {
    return (
      <>
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </>
    )
  }
  return (
    <>
      <title>{fullTitle}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={url} />
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="alternate" type="text/markdown" href={absoluteUrl(markdownPath(pathname))} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={site.name} />
      <meta property="og:title" content={pageTitle} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:image" content={image} />
      <meta property="og:image:width" content={String(OG_SIZE.width)} />
      <meta property="og:image:height" content={String(OG_SIZE.height)} />
      <meta property="og:image:alt" content={`${site.name}: ${pageTitle}`} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={pageTitle} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={image} />
    </>
  )
}
