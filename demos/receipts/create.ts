import { clientKey, DemoError, invalidParameter, notFound, readQuery, serverState, withErrorResponse } from '../admission'
import { RUN_ID_PATTERN } from '../engine'
import { basePath, runVersions } from '../versions'
import { publicOrigin } from './origin'
import type { Receipt, ReceiptBrowser, ReceiptRun } from './receipt'
import { receiptSecret } from './secret'
import { receiptPath } from './paths'
import { receiptSentence } from './sentence'
import { encodeReceipt } from './token'

/** Runs one receipt may show: a comparison's demos, side by side. */
const MAX_RUNS = 4
const MAX_MS = 10 * 60 * 1000
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const stillGoing = (runId: string): DemoError =>
  new DemoError(409, 'run_still_going', `Run ${runId} has not ended yet: ask for its receipt once its event stream has said "end".`, { field: 'runId' }, { 'Retry-After': '1' })

/**
 * `browser`: per run, in the order of the runs, what the browser measured:
 * `firstByte:lastByte:status`, then `r` for a redirect and `s` for a response
 * the visitor stopped; runs separated by `,`.
 */
function parseBrowser(raw: string | null, count: number): Array<ReceiptBrowser | undefined> {
  if (raw === null) return Array.from({ length: count }, () => undefined)
  const allowed = `${count} entries "firstByte:lastByte:status[:r][:s]" separated by ",", each figure a whole number of ms up to ${MAX_MS}`
  const entries = raw.split(',')
  if (entries.length !== count) throw invalidParameter('browser', `"browser" has ${entries.length} entries for ${count} runs.`, allowed)
  return entries.map((entry) => {
    const [first, last, status, ...flags] = entry.split(':')
    const figures = [first, last, status].map((text) => (text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : NaN))
    const [firstByte, lastByte, code] = figures as [number, number, number]
    if (figures.some(Number.isNaN) || firstByte > lastByte || lastByte > MAX_MS || code > 599 || flags.some((flag) => flag !== 'r' && flag !== 's')) {
      throw invalidParameter('browser', `"browser" entry "${entry.slice(0, 40)}" is not one the browser could have measured.`, allowed)
    }
    return { firstByte, lastByte, status: code, ...(flags.includes('r') && { redirected: true }), ...(flags.includes('s') && { stopped: true }) }
  })
}

/**
 * `POST /api/runs/<runId>/receipt`: a signed receipt of a finished run (and
 * of the runs named in `also`, drawn with it), answered as `{ url, sentence }`.
 * Taken from the rate limiter that starts runs; a run not kept is a 404, one
 * still going a 409. The receipt is made from the store's own record; only
 * the browser's timings (`browser`) come from the client, and the page says so.
 */
export const receiptResponse = withErrorResponse(async (request: Request, runId: string): Promise<Response> => {
  const state = serverState()
  const query = readQuery(request, ['also', 'browser', 'section'])
  const also = query.get('also')?.split(',') ?? []
  const ids = [runId, ...also]
  for (const [index, id] of ids.entries()) {
    if (!RUN_ID_PATTERN.test(id)) {
      throw invalidParameter(index === 0 ? 'runId' : 'also', `"${id.slice(0, 20)}" is no run id.`, `run ids of 12 URL-safe characters, at most ${MAX_RUNS} runs`)
    }
  }
  if (ids.length > MAX_RUNS) throw invalidParameter('also', `A receipt shows at most ${MAX_RUNS} runs.`, `at most ${MAX_RUNS - 1} run ids`)
  const browsers = parseBrowser(query.get('browser'), ids.length)
  const section = query.get('section') ?? undefined
  if (section !== undefined && (section.length > 40 || !SLUG.test(section))) {
    throw invalidParameter('section', 'A section is a short link\'s slug (the "rule" of /r/rule).', 'lowercase letters, digits and dashes, at most 40')
  }
  state.rateLimiter.take(clientKey(request.headers, state.config.trustedProxyHops))

  const runs: ReceiptRun[] = []
  for (const [index, id] of ids.entries()) {
    const run = await state.runs.get(id)
    if (!run) throw notFound(`No run ${id} is kept on this server: a receipt is made from a run still kept, so make it soon after the run.`, { field: index === 0 ? 'runId' : 'also' })
    const status = await run.status()
    if (status === 'running') throw stillGoing(id)
    runs.push({ runId: id, scenario: run.scenario, params: { ...run.params }, end: status, ...(browsers[index] && { browser: browsers[index] }), events: [...(await run.events())] })
  }
  const { nextVersion, serverNextVersion } = runVersions()
  const receipt: Receipt = { v: 1, runs, nextVersion, serverNextVersion, node: process.version, base: basePath, at: Date.now(), ...(section && { section }) }
  const token = encodeReceipt(receipt, receiptSecret())
  return Response.json({ url: `${publicOrigin(request)}${receiptPath(token)}`, sentence: receiptSentence(receipt) }, { headers: { 'Cache-Control': 'no-store' } })
})

/** The Route Handler of `POST /api/runs/<runId>/receipt`. */
export async function receiptRoute(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  return receiptResponse(request, (await params).runId)
}
