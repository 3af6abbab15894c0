import { notFound } from 'next/navigation'
import { pageAt, staticPathParams, type SegmentsOf } from './derived-paths'
import { sitePages, type SitePage } from './site-pages'

/**
 * `generateStaticParams` and `GET` for a `[...path]` route that serves one
 * file per page, found by `segmentsOf`. The route file itself must declare
 * `dynamic = 'force-static'` and `dynamicParams = false` (Next.js reads them
 * from the file), so that `next build` writes every page's file and no other
 * path is ever rendered.
 */
export function pageFileRoute(segmentsOf: SegmentsOf, respond: (page: SitePage) => Response) {
  return {
    generateStaticParams: () => staticPathParams(sitePages(), segmentsOf),
    async GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
      const page = pageAt(sitePages(), (await params).path, segmentsOf)
      if (!page) notFound()
      return respond(page)
    },
  }
}
