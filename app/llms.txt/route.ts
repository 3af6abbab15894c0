import { llmsTxt } from '@/links/llms-txt'
import { sitePages } from '@/links/site-pages'

// Written by `next build` from the pages' front matter and served from the build.
export const dynamic = 'force-static'

export function GET() {
  return new Response(llmsTxt(sitePages()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
