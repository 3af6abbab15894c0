import { WORK } from './shared-params'
import type { Scenario } from './types'

/** Demos for the /use-cases page. */
export const useCaseScenarios = {
  'cache-invalidation': {
    title: 'Cache invalidation in after()',
    summary: 'The handler records a sale, responds, and calls revalidateTag() in after(); the next request reads the fresh stock count from the data cache.',
    source: 'app/api/demos/cache-invalidation/route.ts',
    params: { work: WORK },
  },
} satisfies Record<string, Scenario>
