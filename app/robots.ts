import type { MetadataRoute } from 'next'
import { CACHE_COMPONENTS_BASE, NEXT16_BASE } from '@/demos/versions'
import { absoluteUrl } from '@/links/site'

export const dynamic = 'force-static'

/**
 * `/robots.txt`. The docs pages, their Markdown twins and their Open Graph
 * cards are for everyone (link unfurlers fetch the cards); the demo
 * endpoints and the App Router demo surfaces start runs and are no reading
 * matter, so crawlers are asked to leave them alone; so is everything the
 * Next.js 16 demo server answers under its prefix (the same demos, again).
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/demos/', `${NEXT16_BASE}/`, `${CACHE_COMPONENTS_BASE}/`, '/unknown-page/'] },
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
