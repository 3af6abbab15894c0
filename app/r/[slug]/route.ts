import { shortLinkResponse } from '@/links/short-link-response'
import { sitePages } from '@/links/site-pages'

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  return shortLinkResponse(sitePages(), slug, request.headers.get('accept'))
}
