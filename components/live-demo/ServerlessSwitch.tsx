import { useState } from 'react'
import type { Demo } from '../../demos/client'
import { chosenVersions, fetchVersions } from '../../demos/client/versions'
import type { ScenarioName } from '../../demos/scenarios'
import RunDemo from './RunDemo'
import styles from './ServerlessSwitch.module.css'

/** Starts the platform of every version the page's `?next=` chooses now, so no first run's measurement holds a start-up. */
async function warmChosen(): Promise<void> {
  const chosen = chosenVersions(new URL(window.location.href).searchParams.get('next') ?? undefined, await fetchVersions())
  if ('error' in chosen) return
  await Promise.all(chosen.map(({ base }) => fetch(`${base}/api/serverless`, { method: 'POST' })))
}

/**
 * A live demo with a switch that runs its routes on the emulated serverless
 * platform (`POST /api/serverless/<name>`, see demos/serverless/): each run is
 * one invocation of an instance that is frozen once its response and its
 * `waitUntil` work are over. Turning the switch starts a fresh demo. Each
 * Next.js version has its own platform, under its `base`: the demo's version
 * choice picks which run, as for any other route.
 */
export default function ServerlessSwitch({ scenarios, repeatable }: { scenarios: ScenarioName[]; repeatable?: boolean }) {
  const [serverless, setServerless] = useState(false)
  const kind = serverless ? 'serverless' : 'route'
  const switchTo = (on: boolean) => {
    setServerless(on)
    // A failure to warm up shows in the first run's own error; a version chosen later starts with its first run.
    if (on) void warmChosen().catch(() => {})
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
          site&apos;s own build of the Next.js version it runs on, with the request context a platform gives Next.js. Once the response has ended and the work given to
          its <code>waitUntil</code> (where <code>after()</code> puts its callbacks) has settled, the process is frozen (SIGSTOP), and
          each run ends there. The runs go one at a time, as on one instance.
        </p>
      ) : null}
      {/* Repeating runs measures latency spread, which a freeze does not change: offered on next start only. */}
      <RunDemo key={kind} demos={demos} repeatable={repeatable && !serverless} />
    </div>
  )
}
