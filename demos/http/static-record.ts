import { readQuery, withErrorResponse } from '../admission'
import { readRuns, type PageRecord, type RecordedPage } from '../operations'
import { nextVersion, VERSION_HEADER } from '../versions'

async function pageRecord(page: RecordedPage): Promise<PageRecord | null> {
  const runs = await readRuns(page)
  if (runs.length === 0) return null
  return { runs }
}

const recordedPages: readonly RecordedPage[] = ['static', 'isr', 'isr-early', 'cache-components']

/**
 * `GET /api/static-record`: every recorded callback run of the prerendered demo pages (static, ISR, and the Cache
 * Components shell on that server), on this server's Next.js (`X-Next-Version`); null for a page that recorded none.
 */
export const staticRecordResponse = withErrorResponse(async (request: Request): Promise<Response> => {
  readQuery(request, [])
  const records = await Promise.all(recordedPages.map(async (page) => [page, await pageRecord(page)] as const))
  return Response.json(Object.fromEntries(records), { headers: { 'Cache-Control': 'no-store', [VERSION_HEADER]: nextVersion } })
})
