import { browserOnly } from './browser-only'

/** What the static page's after() callback recorded when it ran (at build time). */
export const StaticRecord = browserOnly(() => import('../live-demo/surfaces/StaticRecord'), 'the build-time record')
