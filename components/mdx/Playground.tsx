import { browserOnly } from '../ui/browser-only'

/** The /playground composer: it reads its composition from the address bar, so it has nothing to render on the server. */
export const Playground = browserOnly(() => import('../playground/Playground'), 'the playground')
