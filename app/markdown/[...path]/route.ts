import { markdownSegments } from '@/links/derived-paths'
import { markdownTwin } from '@/links/markdown-twin'
import { pageFileRoute } from '@/links/page-file-route'

// Reached through the `/<page>.md` rewrite in next.config.mjs. Every twin is
// written by `next build` and served from the build; a path that is no page
// goes on to app/unknown-page/markdown (next.config.mjs).
export const dynamic = 'force-static'
export const dynamicParams = false

export const { generateStaticParams, GET } = pageFileRoute(
  markdownSegments,
  (page) => new Response(markdownTwin(page), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } }),
)
