import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readQuery, withErrorResponse } from '../admission'
import { nextVersion, VERSION_HEADER } from '../versions'

/**
 * What the prerendered demo pages' after() callbacks leave behind: one entry
 * each time a callback runs, in a file per page. The endpoint below reads
 * them back, so a visitor (and a test) can see when, and in which Next.js
 * phase, the callbacks ran.
 */
export interface CallbackRun {
  /** When the page's component rendered (ISO time). */
  renderedAt: string
  /** When its after() callback ran (ISO time). */
  callbackRanAt: string
  /** `phase-production-build` during `next build`; null under `next start`. */
  nextPhase: string | null
}

export type RecordedPage = 'static' | 'isr' | 'isr-early'

export interface PageRecord {
  runs: CallbackRun[]
}

const KEPT = 20
const recordPath = (page: RecordedPage) => path.join(process.cwd(), '.next', 'after-guide', `${page}-after-record.json`)

async function readRuns(page: RecordedPage): Promise<CallbackRun[]> {
  try {
    return (JSON.parse(await readFile(recordPath(page), 'utf8')) as { runs: CallbackRun[] }).runs
  } catch (error) {
    // Missing (never ran) or unreadable (a write cut short in an older build): start a fresh record.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return []
    throw error
  }
}

export async function recordCallbackRun(page: RecordedPage, { renderedAt }: { renderedAt: string }): Promise<void> {
  const run: CallbackRun = { renderedAt, callbackRanAt: new Date().toISOString(), nextPhase: process.env.NEXT_PHASE ?? null }
  const runs = [...(await readRuns(page)), run].slice(-KEPT)
  await mkdir(path.dirname(recordPath(page)), { recursive: true })
  // Written aside, then renamed into place, so a reader never sees half a file.
  const partial = `${recordPath(page)}.${process.pid}.tmp`
  await writeFile(partial, JSON.stringify({ runs }, null, 2))
  await rename(partial, recordPath(page))
}

async function pageRecord(page: RecordedPage): Promise<PageRecord | null> {
  const runs = await readRuns(page)
  if (runs.length === 0) return null
  return { runs }
}

/** `GET /api/static-record`: every recorded callback run of the static and the ISR demo pages, on this server's Next.js (`X-Next-Version`). */
export const staticRecordResponse = withErrorResponse(async (request: Request): Promise<Response> => {
  readQuery(request, [])
  const [staticPage, isr, isrEarly] = await Promise.all([pageRecord('static'), pageRecord('isr'), pageRecord('isr-early')])
  return Response.json({ static: staticPage, isr, 'isr-early': isrEarly }, { headers: { 'Cache-Control': 'no-store', [VERSION_HEADER]: nextVersion } })
})
