import { EFFECT, WORK } from './shared-params'
import type { Scenario } from './types'

/** The rule page's demos: the same work and side effect, awaited or in after(), and a yardstick. */
export const ruleScenarios = {
  baseline: {
    title: 'Critical work only',
    summary: 'The handler does its critical work and responds; there is no side effect. The benchmark compares the other routes to this one.',
    source: 'app/api/demos/baseline/route.ts',
    params: { work: WORK },
  },
  blocking: {
    title: 'Side effect awaited (blocking)',
    summary: 'The handler awaits the audit-log write before it responds, so the visitor waits for it too.',
    source: 'app/api/demos/blocking/route.ts',
    params: { work: WORK, effect: EFFECT },
  },
  after: {
    title: 'Side effect in after()',
    summary: 'The handler schedules the audit-log write with after() and responds; the write runs once the response has been sent.',
    source: 'app/api/demos/after/route.ts',
    params: { work: WORK, effect: EFFECT },
  },
} satisfies Record<string, Scenario>
