import dynamic from 'next/dynamic'
import type { ScenarioName } from '../../demos/scenarios'

// The demo's code loads only when the page is open in a browser, keeping the
// page's first load as light as a plain docs page.
const RunDemo = dynamic(() => import('../live-demo/RunDemo'), {
  ssr: false,
  loading: () => <p>Loading the live demo…</p>,
})

/**
 * A live demo that runs `scenarios` on this deployment, in order, on one time
 * axis. `stoppable` adds a button that hangs up on the response mid-stream.
 */
export function LiveDemo({ scenarios, stoppable }: { scenarios: ScenarioName[]; stoppable?: boolean }) {
  return <RunDemo names={scenarios} stoppable={stoppable} />
}
