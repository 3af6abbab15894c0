import { behaviourScenarios } from './behaviour'
import { ruleScenarios } from './rule'
import { appSurfaces, surfaceScenarios, type AppSurfaceName } from './surfaces'
import type { Scenario } from './types'
import { useCaseScenarios } from './use-cases'

export { STREAM_CHUNK_MS } from './behaviour'
export { EFFECT, WORK } from './shared-params'
export { appSurfaceAt, appSurfaces, type AppSurfaceName } from './surfaces'
export { describeRange, type ParamSpec, type ParamSpecs, type ParamValues, type Scenario } from './types'

/**
 * The scenarios of the Route Handler demos, by the name in their URL (`POST
 * /api/demos/<name>`), each with its route file at app/api/demos/<name>/route.ts;
 * clients learn their parameters from GET /api/demos. The demos on other
 * surfaces are in `appSurfaces`.
 */
export const scenarios = {
  ...ruleScenarios,
  ...surfaceScenarios,
  ...useCaseScenarios,
  ...behaviourScenarios,
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof scenarios

/** The name of any demo, whatever its surface. */
export type DemoName = ScenarioName | AppSurfaceName

/** Every demo's scenario, by its name. */
export const everyScenario: Readonly<Record<DemoName, Scenario>> = { ...scenarios, ...appSurfaces }
