import { ogCard } from '@/links/og-card'
import { sitePages } from '@/links/site-pages'

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params
  const route = `/${path.join('/')}`.replace(/\.png$/, '').replace(/^\/index$/, '/')
  const page = sitePages().find((p) => p.route === route)
  if (!page) return Response.json({ error: { code: 'unknown_page', message: `No page at ${route}.`, field: 'path' } }, { status: 404 })
  return ogCard(page)
}
