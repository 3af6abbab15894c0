import { browserOnly } from '../ui/browser-only'

/** A live demo running Route Handler, Server Component and Server Action demos on one time axis. */
export const SurfaceDemo = browserOnly(() => import('../live-demo/surfaces/SurfaceDemo'), 'the live demo')
