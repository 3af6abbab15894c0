import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * What the prerendered demo pages' after() callbacks leave behind: one entry
 * each time a callback runs, in a file per page, kept in the build's folder.
 * `GET /api/static-record` (http/static-record.ts) reads them back, so a
 * visitor (and a test) can see when, and in which Next.js phase, the callbacks ran.
 */
export interface CallbackRun {
  /** When the page's component rendered (ISO time); null for a Cache Components shell, which may not read the clock as it prerenders. */
  renderedAt: string | null
  /** When its after() callback ran (ISO time). */
  callbackRanAt: string
  /** `phase-production-build` during `next build`; null under `next start`. */
  nextPhase: string | null
  /** The demo run of the request whose render registered the callback, where it has one (the Cache Components shell's). */
  runId?: string
}

export type RecordedPage = 'static' | 'isr' | 'isr-early' | 'cache-components'

export interface PageRecord {
  runs: CallbackRun[]
}

const KEPT = 20
const BUILD_PHASE = 'phase-production-build'

/**
 * Every run at build (a build writes a few and no visitor can add one), then the last KEPT of the rest: a page whose
 * callback runs per request (a Cache Components shell around a dynamic part) must not push its build runs out.
 */
const kept = (runs: CallbackRun[]): CallbackRun[] => [
  ...runs.filter((run) => run.nextPhase === BUILD_PHASE),
  ...runs.filter((run) => run.nextPhase !== BUILD_PHASE).slice(-KEPT),
]
const recordPath = (page: RecordedPage) => path.join(process.cwd(), '.next', 'after-guide', `${page}-after-record.json`)

export async function readRuns(page: RecordedPage): Promise<CallbackRun[]> {
  try {
    return (JSON.parse(await readFile(recordPath(page), 'utf8')) as { runs: CallbackRun[] }).runs
  } catch (error) {
    // Missing (never ran) or unreadable (a write cut short in an older build): start a fresh record.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return []
    throw error
  }
}

const LOCK_STALE_MS = 5_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `body` holding `file`'s lock: a file created exclusively beside it, so
 * that writers in any process (two prerenders of one shell at build, two servers
 * of one build folder) take turns reading and rewriting the record, and none
 * loses another's run. A lock older than LOCK_STALE_MS is a writer that died.
 */
async function withLock<T>(file: string, body: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`
  for (;;) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const held = await stat(lock).catch(() => undefined)
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) await rm(lock, { force: true })
      await sleep(5)
    }
  }
  try {
    return await body()
  } finally {
    await rm(lock, { force: true })
  }
}

let writes = 0

export async function recordCallbackRun(page: RecordedPage, { renderedAt, runId }: { renderedAt: string | null; runId?: string }): Promise<void> {
  const run: CallbackRun = { renderedAt, callbackRanAt: new Date().toISOString(), nextPhase: process.env.NEXT_PHASE ?? null, ...(runId ? { runId } : {}) }
  const file = recordPath(page)
  await mkdir(path.dirname(file), { recursive: true })
  await withLock(file, async () => {
    const runs = kept([...(await readRuns(page)), run])
    // Written aside, then renamed into place, so a reader never sees half a file.
    const partial = `${file}.${process.pid}.${++writes}.tmp`
    await writeFile(partial, JSON.stringify({ runs }, null, 2))
    await rename(partial, file)
  })
}
