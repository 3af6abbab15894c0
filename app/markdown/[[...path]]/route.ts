import { markdownTwin } from '@/links/markdown-twin'
import { sitePages } from '@/links/site-pages'

// Reached through the `/<page>.md` rewrite in next.config.mjs.
export async function GET(_request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  const { path = [] } = await params
  const route = `/${path.join('/')}`.replace(/^\/index$/, '/')
  const page = sitePages().find((p) => p.route === route)
  if (!page) {
    return new Response(`No page at ${route}. The list of pages is at /llms.txt.\n`, {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return new Response(markdownTwin(page), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } })
}
