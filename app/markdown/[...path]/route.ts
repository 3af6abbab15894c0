import { notFound } from 'next/navigation'
import { markdownSegments, pageAt, staticPathParams } from '@/links/derived-paths'
import { markdownTwin } from '@/links/markdown-twin'
import { sitePages } from '@/links/site-pages'

// Reached through the `/<page>.md` rewrite in next.config.mjs. Every twin is
// written by `next build` and served from the build; a path that is no page
// goes on to app/unknown-page/markdown (next.config.mjs).
export const dynamic = 'force-static'
export const dynamicParams = false

export function generateStaticParams() {
  return staticPathParams(sitePages(), markdownSegments)
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const page = pageAt(sitePages(), (await params).path, markdownSegments)
  if (!page) notFound()
  return new Response(markdownTwin(page), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } })
}
