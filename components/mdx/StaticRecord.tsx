import { browserOnly } from '../ui/browser-only'

/** What the after() callbacks of the static page (at build time) and the ISR pages (on regeneration) recorded. */
export const StaticRecord = browserOnly(() => import('../live-demo/surfaces/StaticRecord'), 'the recorded callback runs')
