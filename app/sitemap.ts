import type { MetadataRoute } from 'next'
import { absoluteUrl } from '@/links/site'
import { sitePages } from '@/links/site-pages'

// Written by `next build` from the pages' front matter, like /llms.txt.
export const dynamic = 'force-static'

/** `/sitemap.xml`: every docs page at the build's public origin. */
export default function sitemap(): MetadataRoute.Sitemap {
  return sitePages().map((page) => ({ url: absoluteUrl(page.route) }))
}
