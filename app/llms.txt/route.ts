import { llmsTxt } from '@/links/llms-txt'
import { sitePages } from '@/links/site-pages'

export function GET() {
  return new Response(llmsTxt(sitePages()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
