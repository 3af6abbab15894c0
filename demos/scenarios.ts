import type { ParamSpec, ParamSpecs } from './engine/params'

/** Milliseconds of critical work: the part of the handler the response depends on. */
export const WORK: ParamSpec = { label: 'Critical work', min: 0, max: 2000, default: 50 }
/** Milliseconds the simulated side effect (an audit-log write) takes. */
export const EFFECT: ParamSpec = { label: 'Side effect', min: 0, max: 10_000, default: 1000 }

export interface Scenario {
  title: string
  summary: string
  /** The file the page shows as this scenario's listing. */
  source: string
  params: ParamSpecs
}

/**
 * Every demo the site runs, by the name in its URL (`POST /api/demos/<name>`).
 * Adding a scenario here and a route file under app/api/demos/<name>/ is all a
 * new demo needs; clients learn its parameters from GET /api/demos.
 */
export const scenarios = {
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

export type ScenarioName = keyof typeof scenarios

export const isScenarioName = (name: string): name is ScenarioName => Object.hasOwn(scenarios, name)
