import { notFound } from 'next/navigation'
import { ogImageSegments, pageAt, staticPathParams } from '@/links/derived-paths'
import { ogCard } from '@/links/og-card'
import { sitePages } from '@/links/site-pages'

// Each page's card depends only on its front matter: `next build` renders
// them all and requests are served the built PNGs. A path that is no page's
// card is not rendered here: next.config.mjs sends it to app/unknown-page/og.
export const dynamic = 'force-static'
export const dynamicParams = false

export function generateStaticParams() {
  return staticPathParams(sitePages(), ogImageSegments)
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const page = pageAt(sitePages(), (await params).path, ogImageSegments)
  if (!page) notFound()
  return ogCard(page)
}
