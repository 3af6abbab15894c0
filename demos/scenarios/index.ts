import { ruleScenarios } from './rule'
import { surfaceScenarios } from './surfaces'
import { useCaseScenarios } from './use-cases'
import { runtimeScenarios } from './runtime'
import type { Scenario } from './types'

export type { Scenario } from './types'

/**
 * Every demo the site runs, by the name in its URL (`POST /api/demos/<name>`).
 * A new demo is a scenario in a topic module here plus its route file under
 * app/api/demos/<name>/; clients learn its parameters from GET /api/demos.
 */
export const scenarios = {
  ...ruleScenarios,
  ...surfaceScenarios,
  ...useCaseScenarios,
  ...runtimeScenarios,
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof scenarios
