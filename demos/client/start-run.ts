import type { ActionResult } from '../next'
// The surfaces alone, not the scenarios entry: the Server Action frame's own bundle imports this module.
import { appSurfaces, leavesMidStream, type AppSurfaceName } from '../scenarios/surfaces'
import { toQuery, type RunOptions, type StartedRun } from './run'
import { refusal, RunRequestError } from './run-error'
import { timedRequest } from './timed-request'

/*
 * Starting a run, one function per surface. Each sends the request the
 * way a visitor's browser would, times it, and finds the id of the run it
 * started; reading the run's timeline is `collectEvents`' job.
 */

/** 16 random bytes, base64url: the `X-Run-Ref` this browser picks for a run. */
function newRunRef(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * POSTs a Route Handler scenario and times its response.
 *
 * The run id normally comes back in `X-Run-Id`. A scenario whose handler
 * throws gets Next.js's bare 500, and a redirect has no readable headers, so
 * the request also carries a reference of the browser's choosing, and the
 * id is looked up by it; a request the server refused created no run, and
 * then its JSON error is what the visitor sees.
 */
export async function startRoute(
  scenario: string,
  params: Record<string, number | string>,
  options: RunOptions = {},
  /** Where the scenario is run: `/api/serverless/<scenario>` runs it on the emulated serverless platform. */
  endpoint = `/api/demos/${scenario}`,
): Promise<StartedRun> {
  const ref = newRunRef()
  const { response, text, timing } = await timedRequest(
    `${options.base ?? ''}${endpoint}?${toQuery(params)}`,
    { method: 'POST', redirect: 'manual', headers: { 'X-Run-Ref': ref } },
    options,
    'The demo server could not be reached. Check your connection and try again.',
  )
  const runId = response.headers.get('X-Run-Id') ?? (await lookUpRun(ref, options))
  if (!runId) throw refusal(response, text)
  const redirected = response.type === 'opaqueredirect'
  const nextVersion = response.headers.get('X-Next-Version') ?? undefined
  return { scenario, runId, status: response.status, ...(redirected ? { redirected } : {}), ...(nextVersion ? { nextVersion } : {}), browser: timing }
}

/** The run the server created for `ref`, or undefined when it refused the request. */
async function lookUpRun(ref: string, { signal, base = '' }: RunOptions): Promise<string | undefined> {
  const response = await fetch(`${base}/api/runs?ref=${encodeURIComponent(ref)}`, { signal, cache: 'no-store' })
  if (response.status === 404) return undefined
  if (!response.ok) throw new RunRequestError(`Looking up the run failed with ${response.status}.`, response.status)
  return ((await response.json()) as { runId: string }).runId
}

/**
 * GETs an App Router demo page (behind middleware or not), timed to its first
 * and last byte. The run id is in its HTML; a page whose render failed (a
 * redirect, a 404 or 500 page) carries none, so it is looked up by the
 * request's `X-Run-Ref`, as for a Route Handler. A surface whose visitor
 * leaves mid-stream hangs up once the run id has arrived.
 */
export async function startPage(name: AppSurfaceName, params: Record<string, number>, options: RunOptions = {}): Promise<StartedRun> {
  const ref = newRunRef()
  const runIdIn = (text: string) => /data-run-id="([A-Za-z0-9_-]{12})"/.exec(text)?.[1]
  const { response, text, timing } = await timedRequest(
    `${options.base ?? ''}${appSurfaces[name].path}?${toQuery(params)}`,
    { redirect: 'manual', headers: { 'X-Run-Ref': ref } },
    { signal: options.signal },
    'The demo page could not be reached. Check your connection and try again.',
    leavesMidStream(name) ? (sofar) => runIdIn(sofar) !== undefined : undefined,
  )
  const runId = runIdIn(text) ?? (await lookUpRun(ref, options))
  if (!runId) throw response.ok ? new RunRequestError('The page carried no run id.') : refusal(response, text, `The page answered ${response.status}.`)
  const redirected = response.type === 'opaqueredirect'
  return { scenario: name, runId, status: response.status, ...(redirected ? { redirected } : {}), browser: timing }
}

/** How a Server Action's caller finds what the action's result cannot tell it. */
export interface ActionCall {
  /** The path prefix of the server the action runs on, where its run is looked up. */
  base?: string
  /** The status of the action's response as the browser got it (`watchOwnResponseStatus`, started before the call). */
  status?: () => Promise<number | undefined>
}

/**
 * Calls a demo Server Action, as a client component on its App Router page
 * does, timed the way that page sees it. An action that redirects or throws
 * rejects with nothing to read, so the call carries a run reference and its
 * run is looked up by it, as for a Route Handler; the status is the
 * browser's record, 0 where it keeps none.
 */
export async function startAction(
  surface: string,
  action: (query: string, ref?: string) => Promise<ActionResult>,
  query: string,
  { base, status }: ActionCall = {},
): Promise<StartedRun> {
  const ref = newRunRef()
  const sent = performance.now()
  let result: ActionResult
  try {
    result = await action(query, ref)
  } catch (error) {
    const runId = await lookUpRun(ref, { base })
    if (!runId) throw error
    result = { runId, status: 'threw' }
  }
  const lastByte = performance.now() - sent
  if ('error' in result) throw new RunRequestError(result.error.message)
  // A Server Action's result reaches the caller in one piece: first and last byte are the same moment to it.
  const version = result.nextVersion ? { nextVersion: result.nextVersion } : {}
  return { scenario: surface, runId: result.runId, status: (await status?.()) ?? 0, ...version, browser: { firstByte: lastByte, lastByte } }
}
