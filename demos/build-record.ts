import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DemoError, errorResponse } from './engine/errors'

/**
 * What the static page's after() callback leaves behind. It is written once,
 * whenever the callback runs; the endpoint below reads it back, so a visitor
 * can see when (and in which Next.js phase) that was.
 */
export interface BuildRecord {
  /** When the page's component rendered (ISO time). */
  renderedAt: string
  /** When its after() callback ran (ISO time). */
  callbackRanAt: string
  /** `phase-production-build` during `next build`; unset under `next start`. */
  nextPhase: string | null
  pid: number
}

const recordPath = () => path.join(process.cwd(), '.next', 'after-guide', 'static-after-record.json')

export async function writeBuildRecord({ renderedAt }: { renderedAt: string }): Promise<void> {
  const record: BuildRecord = {
    renderedAt,
    callbackRanAt: new Date().toISOString(),
    nextPhase: process.env.NEXT_PHASE ?? null,
    pid: process.pid,
  }
  await mkdir(path.dirname(recordPath()), { recursive: true })
  await writeFile(recordPath(), JSON.stringify(record, null, 2))
}

/** `GET /api/static-record`: the record and the file's modification time. */
export async function buildRecordResponse(request: Request): Promise<Response> {
  if (new URL(request.url).search !== '') {
    return errorResponse(new DemoError(400, 'invalid_parameter', 'This endpoint takes no parameters.', { allowed: 'no parameters' }))
  }
  try {
    const [text, info] = await Promise.all([readFile(recordPath(), 'utf8'), stat(recordPath())])
    return Response.json(
      { record: JSON.parse(text) as BuildRecord, fileModifiedAt: info.mtime.toISOString() },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    return errorResponse(new DemoError(404, 'not_found', 'No record: the static page has not been prerendered by this build.'))
  }
}
