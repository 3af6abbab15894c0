import { browserOnly } from '../ui/browser-only'

/** Calls after() in a Pages Router API route on this deployment and shows the real error. */
export const PagesApiDemo = browserOnly(() => import('../live-demo/surfaces/PagesApiDemo'), 'the live demo')
