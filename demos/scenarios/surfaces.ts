import { LANES } from '../engine/timeline'
import { STREAM } from './behaviour'
import { EFFECT, WORK } from './shared-params'
import type { ParamSpec, Scenario } from './types'

/** A callback long enough to outlast a short serverless time limit. */
const LONG_EFFECT: ParamSpec = { label: 'Callback', min: 0, max: 20_000, default: 4000 }
/** Each log write of the request-context demos (two per run in a Route Handler or Server Action, one in a page). */
const LOG_WRITE: ParamSpec = { ...EFFECT, label: 'Each log write', default: 150 }
/** The maxDuration the duration demo compares the run with; only used to compute where a platform would stop it. */
const LIMIT: ParamSpec = { label: 'maxDuration to compare', min: 1000, max: 60_000, default: 2000 }

/** Route Handler demos of the where-it-works, request-context and duration notes (`POST /api/demos/<name>`). */
export const surfaceScenarios = {
  'request-context': {
    title: 'Route Handler: request context in after()',
    summary: 'The callback reads headers() and cookies() once the response has been sent, then tries to set a cookie, which throws.',
    source: 'app/api/demos/request-context/route.ts',
    params: { work: WORK, effect: LOG_WRITE },
  },
  'long-callback': {
    title: 'Route Handler: a long after() callback',
    summary: 'The route exports a maxDuration shorter than the callback it schedules; next start lets it finish. limit only sets where the page draws a computed cut.',
    source: 'app/api/demos/long-callback/route.ts',
    params: { work: WORK, effect: LONG_EFFECT, limit: LIMIT },
  },
} satisfies Record<string, Scenario>

/**
 * Where a surface's run is admitted: when its page renders (by middleware,
 * before the page, so a refusal keeps its status code), when its Server Action
 * is called, or by its own middleware.
 */
type RunStart = 'render' | 'action' | 'middleware'

interface AppSurface extends Scenario {
  path: string
  runStarts: RunStart
  /** The visitor hangs up once the page's first part has arrived, before the rest has streamed. */
  leavesMidStream?: boolean
  /**
   * Served only by the Cache Components demo server (`cacheComponents: true`, next16/cache-components), whose
   * config would change every other demo; the other servers neither serve nor admit it.
   */
  cacheComponents?: boolean
}

/**
 * Demos that are not Route Handlers: App Router pages, a Server Action and
 * middleware. They use the same parameters, recorder and timeline, but they
 * are reached at their own paths, so the `/api/demos` catalogue does not list them.
 */
export const appSurfaces = {
  'server-component': {
    title: 'Server Component page',
    summary: 'A page renders after its critical work and schedules the audit-log write with after().',
    source: 'app/demos/server-component/page.tsx',
    path: '/demos/server-component',
    params: { work: WORK, effect: EFFECT },
    runStarts: 'render',
  },
  'server-action': {
    title: 'Server Action',
    summary: 'A Server Action does its critical work, schedules the audit-log write with after() and returns.',
    source: 'app/demos/server-action/actions.ts',
    path: '/demos/server-action',
    params: { work: WORK, effect: EFFECT },
    runStarts: 'action',
  },
  middleware: {
    title: 'Middleware, then the page',
    summary: 'Middleware schedules the audit-log write with after() and hands a metrics write to event.waitUntil(); the page behind it renders for `work` ms.',
    source: 'app/demos/middleware/audit-middleware.ts',
    path: '/demos/middleware',
    params: { work: WORK, effect: EFFECT },
    lanes: [LANES.sideEffect, LANES.recordMetrics],
    runStarts: 'middleware',
  },
  'action-redirect': {
    title: 'Server Action calls redirect()',
    summary: 'A Server Action registers the audit-log write, does its critical work, then calls redirect(): the status its caller gets depends on the version, and the callback runs.',
    source: 'app/demos/action-redirect/actions.ts',
    path: '/demos/action-redirect',
    params: { work: WORK, effect: EFFECT },
    runStarts: 'action',
  },
  'request-context-action': {
    title: 'Server Action: request context in after()',
    summary: 'The callback reads headers() and cookies(), then tries to set a cookie, which throws.',
    source: 'app/demos/request-context-action/actions.ts',
    path: '/demos/request-context-action',
    params: { work: WORK, effect: LOG_WRITE },
    runStarts: 'action',
  },
  'request-context-page': {
    title: 'Server Component: request context in after()',
    summary: 'The callback calls headers() (it throws) and logs the user agent read during render (it works).',
    source: 'app/demos/request-context-page/page.tsx',
    path: '/demos/request-context-page',
    params: { work: WORK, effect: LOG_WRITE },
    runStarts: 'render',
  },
  metadata: {
    title: 'generateMetadata',
    summary: "The page's generateMetadata does the critical work and schedules the audit-log write with after(); the page renders.",
    source: 'app/demos/metadata/page.tsx',
    path: '/demos/metadata',
    params: { work: WORK, effect: EFFECT },
    runStarts: 'render',
  },
  layout: {
    title: 'Layout',
    summary: "The route segment's own layout does the critical work and schedules the audit-log write with after(); its page renders inside it.",
    source: 'app/demos/layout/layout.tsx',
    path: '/demos/layout',
    params: { work: WORK, effect: EFFECT },
    runStarts: 'render',
  },
  ...renderFailures(),
  'cache-components': {
    title: 'Cache Components page',
    summary:
      "A page built with cacheComponents: its shell logs a page view with after(); the Suspense boundary that reads the visitor's cookie writes the audit log with after(), and a 'use cache' function records metrics with after() when it computes (a miss).",
    source: 'next16/cache-components/app/demos/cache-components/page.tsx',
    path: '/demos/cache-components',
    params: { stream: { ...STREAM, label: 'Computing recommendations', min: 0, max: 5000, default: 1000 }, effect: EFFECT },
    // The cached function's lanes stay drawn when a cache hit leaves them empty.
    lanes: [LANES.logPageView, LANES.stream, LANES.sideEffect, LANES.recordMetrics],
    runStarts: 'render',
    cacheComponents: true,
  },
} satisfies Record<string, AppSurface>

export type AppSurfaceName = keyof typeof appSurfaces

/**
 * The page renders that fail (/notes/failures), one page at
 * `/demos/render-fails/<fail>`: each registers the audit-log write, does its
 * work, then fails its own way.
 */
function renderFailures() {
  const failing = (fail: string, title: string, summary: string, status: number) => ({
    title,
    summary,
    source: 'app/demos/render-fails/[fail]/page.tsx',
    path: `/demos/render-fails/${fail}`,
    params: { work: WORK, effect: EFFECT },
    runStarts: 'render' as const,
    status,
    lanes: [LANES.sideEffect, LANES.sendReceipt],
  })
  return {
    'render-redirect': failing('redirect', 'Page calls redirect() (307)', 'A page registers a callback, then calls redirect() as it renders: Next.js answers 307 and the callback still runs.', 307),
    'render-not-found': failing('not-found', 'Page calls notFound() (404)', 'A page registers a callback, then calls notFound() as it renders: Next.js answers 404 and the callback still runs.', 404),
    'render-throw': failing('throw', 'Page throws (500)', 'A page registers a callback, then throws as it renders: Next.js answers 500 and the callback still runs.', 500),
    'render-abort': {
      ...failing('abort', 'Visitor leaves mid-stream', 'A page registers a callback and streams a Suspense boundary for `stream` ms; the visitor leaves once the fallback has arrived, and the callback runs when the connection closes.', 200),
      params: { work: WORK, effect: EFFECT, stream: STREAM },
      leavesMidStream: true,
    },
  }
}

/** The App Router surface whose page is at `pathname` on a server with Cache Components or without, if any. */
export const appSurfaceAt = (pathname: string, cacheComponents = false): AppSurfaceName | undefined =>
  (Object.keys(appSurfaces) as AppSurfaceName[]).find(
    (name) => appSurfaces[name].path === pathname.replace(/\/$/, '') && ((appSurfaces[name] as AppSurface).cacheComponents ?? false) === cacheComponents,
  )

/** True for a surface whose visitor hangs up mid-stream (`render-abort`). */
export const leavesMidStream = (name: AppSurfaceName): boolean => (appSurfaces[name] as AppSurface).leavesMidStream === true
