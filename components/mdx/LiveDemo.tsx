import { lazy, Suspense } from 'react'
import { useMounted } from 'nextra/hooks'
import type { ScenarioName } from '../../demos/scenarios'

// The demo's code loads only once the page is open in a browser (it measures
// with the browser's clock), keeping the page's first load as light as a plain
// docs page. React.lazy rather than next/dynamic: the latter adds its loader
// runtime, about 2 kB gzipped, to every page.
const RunDemo = lazy(() => import('../live-demo/RunDemo'))

/**
 * A live demo that runs `scenarios` on this deployment, in order, on one time
 * axis. `stoppable` adds a button that hangs up on the response mid-stream.
 */
export function LiveDemo({ scenarios, stoppable }: { scenarios: ScenarioName[]; stoppable?: boolean }) {
  const mounted = useMounted()
  const loading = <p>Loading the live demo…</p>
  if (!mounted) return loading
  return (
    <Suspense fallback={loading}>
      <RunDemo names={scenarios} stoppable={stoppable} />
    </Suspense>
  )
}
