import { ogImageSegments } from '@/links/derived-paths'
import { ogCard } from '@/links/og-card'
import { pageFileRoute } from '@/links/page-file-route'

// Each page's card depends only on its front matter: `next build` renders
// them all and requests are served the built PNGs. A path that is no page's
// card is not rendered here: next.config.mjs sends it to app/unknown-page/og.
export const dynamic = 'force-static'
export const dynamicParams = false

export const { generateStaticParams, GET } = pageFileRoute(ogImageSegments, ogCard)
