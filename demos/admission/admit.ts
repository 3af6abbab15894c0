import { EVENTS, LANES, monotonic, RUN_REF_PATTERN, RunRecorder, type Params } from '../engine'
import { everyScenario, type DemoName } from '../scenarios'
import { clientKey } from './client-key'
import { busy, invalidParameter } from './errors'
import { parseParams } from './params'
import { readQueryString, rejectBody } from './request-shape'
import type { RunClaim } from './run-share'
import { serverState, type ServerState } from './server-state'

/** The optional `X-Run-Ref` header: checked before a run exists, so a bad one leaves nothing behind. */
function readRunRef(headers: Headers): string | undefined {
  const ref = headers.get('x-run-ref')
  if (ref === null) return undefined
  if (!RUN_REF_PATTERN.test(ref)) {
    throw invalidParameter('X-Run-Ref', 'X-Run-Ref must be 22 characters of A-Z, a-z, 0-9, "-" and "_".', '22 URL-safe characters')
  }
  return ref
}

/**
 * Starts a run whose input has been checked: the cap on runs in flight, then
 * the client's share of the store, then the rate limit, then its recorder.
 * Checks come first so that a refused request leaves no run and no timer,
 * and the cap before the rate limit so that a `503` costs the client no token.
 */
export async function startRun(state: ServerState, scenario: string, params: Params, client: string, ref?: string): Promise<RunRecorder> {
  const release = await state.runsInFlight.acquire()
  return startHolding(state, { name: scenario, params, client, ref }, release, () => state.rateLimiter.take(client))
}

/**
 * The run of an admission, holding the in-flight slot `release` gives back
 * when it ends: its place in the client's share, `takeToken`, then the run.
 * Whatever refuses, nothing was started: the slot, the place and the token
 * go back (each once; a no-op for what was not taken).
 */
async function startHolding(
  state: ServerState,
  admission: { name: string; params: Params; client: string; ref?: string },
  release: () => void,
  takeToken: () => Promise<() => void>,
): Promise<RunRecorder> {
  let claim: RunClaim | undefined
  let refund = (): void => {}
  try {
    claim = await state.runShare.take(admission.client)
    refund = await takeToken()
    const recorder = await openRun(state, admission.name, admission.params, release, admission.ref)
    await claim.bind(recorder.id)
    return recorder
  } catch (error) {
    release()
    refund()
    claim?.cancel()
    throw error
  }
}

/** The run itself, holding the in-flight slot `release` gives back when it ends. */
async function openRun(state: ServerState, scenario: string, params: Params, release: () => void, ref?: string): Promise<RunRecorder> {
  const run = await state.runs.create(scenario, params, ref)
  if (!run) throw busy('Every run slot holds a run still in flight. Retry in 5 s.', 5)
  // Not waited for: the 404's explanation is worth no delay to the run.
  void state.history.record(run.id).catch(() => {})
  const recorder = new RunRecorder(run, {
    clock: monotonic,
    settleMs: state.config.settleMs,
    maxRunMs: state.config.maxRunMs,
  })
  // The slot is given back when the recorder ends the run, even if the store is unreachable then.
  void recorder.ended.then(release)
  recorder.mark({ type: EVENTS.requestReceived, label: 'Request received', lane: LANES.handler, phase: 'start' })
  return recorder
}

/** What admission reads of a run request, whatever surface it reached. */
export interface RunRequest {
  /** The demo's query string (`?work=50&effect=1000`, the `?` optional). */
  query: string
  headers: Headers
}

/** A demo's parameters from its query string, each one declared and in range. */
const readParams = (name: DemoName, query: string): Params => {
  const specs = everyScenario[name].params
  return parseParams(specs, readQueryString(query, Object.keys(specs)))
}

/**
 * The one admission path of every demo run, whatever its surface: the
 * parameters, the run reference, the rate limit and the cap on runs in
 * flight. A refusal is a thrown DemoError and leaves no run.
 */
export function admit(name: DemoName, request: RunRequest): Promise<RunRecorder> {
  return admitChecked(name, readParams(name, request.query), request)
}

/** `admit` for a run whose parameters were read and checked otherwise (a composed handler's steps). */
export function admitChecked(scenario: string, params: Params, request: RunRequest): Promise<RunRecorder> {
  const state = serverState()
  return startRun(state, scenario, params, clientKey(request.headers, state.config.trustedProxyHops), readRunRef(request.headers))
}

/**
 * A run request that passed every check and took its rate-limit token, for a
 * run that starts later: a page's, once the page renders. Only then is the
 * page known to continue it (Next.js hides its prefetch and RSC requests from
 * middleware), so no run slot is held for a page that never comes.
 */
export interface Admission {
  name: DemoName
  params: Params
  client: string
  ref?: string
}

/**
 * `admit` without starting the run: a refusal has its status code, and
 * `startAdmitted` starts the run later. The token is taken now; the run
 * slot and the client's share are only checked, and taken as the run starts.
 */
export async function admitLater(name: DemoName, request: RunRequest): Promise<Admission> {
  const state = serverState()
  const params = readParams(name, request.query)
  const ref = readRunRef(request.headers)
  await state.runsInFlight.checkRoom()
  const client = clientKey(request.headers, state.config.trustedProxyHops)
  ;(await state.runShare.take(client)).cancel()
  await state.rateLimiter.take(client)
  return { name, params, client, ref }
}

/** Starts an admitted run (its token taken already); `503` or `429` if the run slots or its share filled up since. */
export async function startAdmitted(admission: Admission): Promise<RunRecorder> {
  const state = serverState()
  return startHolding(state, admission, await state.runsInFlight.acquire(), async () => () => {})
}

/** A run request that came over HTTP (a Route Handler, a page or middleware): it carries no body. */
export function httpRunRequest(request: Request): RunRequest {
  rejectBody(request.headers)
  return { query: new URL(request.url).search, headers: request.headers }
}

/** Checks a run request as `admit` does, without starting a run (a page whose run starts in its Server Action). */
export function checkRunRequest(name: DemoName, request: RunRequest): void {
  readParams(name, request.query)
}
