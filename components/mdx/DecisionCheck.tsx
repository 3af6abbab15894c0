import { browserOnly } from '../ui/browser-only'

/** "Does this belong in after()?": only the /decide page uses it, so it loads there alone. */
export const DecisionCheck = browserOnly(() => import('../decide/DecisionCheck'), 'the check')
