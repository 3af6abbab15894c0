import { useState } from 'react'
import type { Demo } from '../../demos/client'
import type { ScenarioName } from '../../demos/scenarios'
import RunDemo from './RunDemo'
import styles from './ServerlessSwitch.module.css'

/**
 * A live demo with a switch that runs its routes on the emulated serverless
 * platform (`POST /api/serverless/<name>`, see demos/serverless/): each run is
 * one invocation of an instance that is frozen once its response and its
 * `waitUntil` work are over. Turning the switch starts a fresh demo.
 */
export default function ServerlessSwitch({ scenarios, repeatable }: { scenarios: ScenarioName[]; repeatable?: boolean }) {
  const [serverless, setServerless] = useState(false)
  const kind = serverless ? 'serverless' : 'route'
  const switchTo = (on: boolean) => {
    setServerless(on)
    // The instance starts now rather than in the first run's measurement; a failure shows in that run's own error.
    if (on) void fetch('/api/serverless', { method: 'POST' }).catch(() => {})
  }
  const demos: Demo[] = scenarios.map((name) => (serverless ? { kind: 'serverless', name } : { kind: 'route', name }))
  return (
    <div className={styles.switch} data-mode={kind}>
      <label className={styles.toggle}>
        <input type="checkbox" checked={serverless} onChange={(event) => switchTo(event.target.checked)} data-testid="serverless-switch" />
        <span>Run as a serverless platform would: freeze the process after each invocation (an emulation on this server)</span>
      </label>
      {serverless ? (
        <p className={styles.label} data-testid="serverless-label">
          <strong>Emulated serverless platform.</strong> Each route runs as one invocation of a separate Node.js process serving this
          site&apos;s own build, with the request context a platform gives Next.js. Once the response has ended and the work given to
          its <code>waitUntil</code> (where <code>after()</code> puts its callbacks) has settled, the process is frozen (SIGSTOP), and
          each run ends there. The runs go one at a time, as on one instance.
        </p>
      ) : null}
      {/* Repeating runs measures latency spread, which a freeze does not change: offered on next start only. */}
      <RunDemo key={kind} demos={demos} repeatable={repeatable && !serverless} />
    </div>
  )
}
