import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external'
import { recordCallbackRun } from '../operations'
import type { AppSurfaceOperations } from './app-surface'

/** The run a request renders, and its operations. */
interface RequestPart {
  runId: string
  operations: AppSurfaceOperations
}

/**
 * The run each request renders, by Next.js's own store for that request (its
 * WorkStore). Weak, so an entry goes with its request.
 */
const requestParts = new WeakMap<object, RequestPart>()

/**
 * The run this request renders, found through its WorkStore, for code that
 * cannot be handed it: a `'use cache'` function (its arguments are its cache
 * key, and Next.js runs it in a clean AsyncLocalStorage snapshot, restoring
 * only the WorkStore, so that it cannot read request data) and a prerendered
 * shell (which may not read the request). Only the demo's recording uses it;
 * what the demo's code computes never depends on it.
 */
function requestPart(): RequestPart | undefined {
  const store = workAsyncStorage.getStore()
  return store && requestParts.get(store)
}

/** Called as a demo part of a request starts rendering its run. */
export function rememberPart(runId: string, operations: AppSurfaceOperations): void {
  const store = workAsyncStorage.getStore()
  if (store) requestParts.set(store, { runId, operations })
}

/** The operations of the run this request renders, for a `'use cache'` function. */
export function runOperations(): AppSurfaceOperations {
  const part = requestPart()
  if (!part) throw new Error('runOperations() is called outside a demo part: call it from code a demoPage or demoSuspended body awaits.')
  return part.operations
}

/**
 * The Cache Components demo's shell callback, a page-view log write. It writes
 * the page's callback record (at build too, where there is no run) and,
 * during a request that has a run, draws on that run's timeline. Called from
 * an after() callback, once the request's part has found its run.
 */
export async function logPageView(): Promise<void> {
  const part = requestPart()
  await Promise.all([recordCallbackRun('cache-components', { renderedAt: null, runId: part?.runId }), part?.operations.logPageView()])
}
