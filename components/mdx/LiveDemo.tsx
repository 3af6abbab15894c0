import type { ScenarioName } from '../../demos/scenarios'
import { browserOnly } from '../ui/browser-only'

// It measures with the browser's clock, so it has nothing to render on the server.
const RunDemo = browserOnly(() => import('../live-demo/RunDemo'), 'the live demo')
const ServerlessSwitch = browserOnly(() => import('../live-demo/ServerlessSwitch'), 'the live demo')

/**
 * A live demo that runs `scenarios` on this deployment, in order, on one time
 * axis. `stoppable` adds a button that hangs up on the response mid-stream;
 * `repeatable` adds "Run N×", which draws how much the response times vary;
 * `serverless` adds a switch that runs them on the emulated serverless platform.
 */
export function LiveDemo({ scenarios, stoppable, repeatable, serverless }: { scenarios: ScenarioName[]; stoppable?: boolean; repeatable?: boolean; serverless?: boolean }) {
  if (serverless) return <ServerlessSwitch scenarios={scenarios} repeatable={repeatable} />
  return <RunDemo demos={scenarios.map((name) => ({ kind: 'route', name }))} stoppable={stoppable} repeatable={repeatable} />
}

/**
 * The same live demo for any mix of demos: Route Handler scenarios, App
 * Router pages (a Server Component, middleware) and Server Actions in frames.
 */
export const SurfaceDemo = RunDemo
