/**
 * The Next.js adapters: they turn a demo's own code (a Route Handler, a
 * page, a Server Action, middleware) into one that is admitted, recorded and
 * measured, so that the files under app/ read like a reader's own code.
 */
export type { AppSurfaceOperations } from './app-surface'
export { demoAction, type ActionResult } from './demo-action'
export { demoMiddleware, demoPageRequest, type DemoMiddleware, type MiddlewareEvent, type MiddlewareOperations } from './demo-middleware'
export { demoLayout, demoMetadata, demoPage, demoSuspended } from './demo-page'
export { logPageView, runOperations } from './request-part'
export { composeRoute } from './compose-route'
export { demoRoute, type DemoHandler, type OperationsFactory } from './demo-route'
export { demoServerProxy } from './demo-server-proxy'
