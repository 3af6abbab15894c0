import { Fragment, type ReactNode } from 'react'
import { recordedComposition } from '../../demos/compose/recorded'
import { everyScenario } from '../../demos/scenarios'
import type { Receipt } from '../../demos/receipts/receipt'
import { alignedRun } from '../../demos/receipts/aligned'
import { runTitle } from '../../demos/receipts/run-title'
import { DrawnRuns } from '../live-demo/DrawnRuns'
import { ms } from '../live-demo/format'
import styles from './ReceiptView.module.css'

const scenarioOf = (name: string) => (everyScenario as Record<string, (typeof everyScenario)[keyof typeof everyScenario] | undefined>)[name]

/** A composed run's parameter is its composition (its step count and total follow from it); any other's are durations. */
function parametersOf(receipt: Receipt): ReactNode {
  const composition = receipt.runs.map((run) => recordedComposition(run.events)).find((text) => text !== undefined)
  // A phone breaks the long composition between steps, not inside a step's name.
  if (composition !== undefined) {
    const steps = composition.split(',').map((step, index) => (index === 0 ? step : <Fragment key={index}>,<wbr />{step}</Fragment>))
    return <>steps = {steps}</>
  }
  const params = Object.assign({}, ...receipt.runs.map((run) => run.params)) as Record<string, number>
  return Object.entries(params).map(([name, value]) => `${name} = ${ms(value)}`).join(', ') || 'none'
}

export interface ReceiptLinks {
  /** The live demo, set up with the receipt's parameters and version. */
  rerun?: string
  /** The guide's section that explains it, and its name. */
  section?: { href: string; title: string }
}

/**
 * A receipt as its page shows it: the sentence, the chart and table redrawn
 * from the recorded runs (the live demo's own components), and what ran where.
 */
export function ReceiptView({ receipt, sentence, origin, links }: { receipt: Receipt; sentence: string; origin: string; links: ReceiptLinks }) {
  const runs = receipt.runs.map(alignedRun)
  const titles = Object.fromEntries(receipt.runs.map((run) => [run.scenario, runTitle(run)]))
  const lanes = Object.fromEntries(receipt.runs.map((run) => [run.scenario, scenarioOf(run.scenario)?.lanes]))
  const margin = Math.max(0, ...runs.map((run) => run.margin))
  const browserSent = receipt.runs.every((run) => run.browser)
  const when = new Date(receipt.at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')
  return (
    <main className={styles.receipt} id="content">
      <header className={styles.header}>
        <a href="/">after-guide</a>
      </header>
      <h1>Receipt: {Object.values(titles).join(' vs ')}</h1>
      <p className={styles.sentence} data-testid="receipt-sentence">
        {sentence}
      </p>
      <DrawnRuns slots={runs.map((run) => ({ key: run.run.runId, scenario: run.run.scenario, aligned: run }))} runs={runs} done titles={titles} lanes={lanes} />
      <h2>What ran</h2>
      <dl className={styles.facts}>
        <dt>Scenario{receipt.runs.length > 1 ? 's' : ''}</dt>
        <dd>{receipt.runs.map((run) => `${titles[run.scenario]} (${run.scenario}, run ${run.runId}, ended ${run.end})`).join('; ')}</dd>
        <dt>Parameters</dt>
        <dd>
          {parametersOf(receipt)}
        </dd>
        <dt>Next.js</dt>
        <dd>
          {receipt.serverNextVersion ?? receipt.nextVersion} (demo code built against {receipt.nextVersion})
        </dd>
        <dt>Node.js</dt>
        <dd>{receipt.node}</dd>
        <dt>Deployment</dt>
        <dd>
          {origin}
          {receipt.base ? ` (its ${receipt.base} server)` : ''}
        </dd>
        <dt>Measured</dt>
        <dd>
          <time dateTime={new Date(receipt.at).toISOString()}>{when}</time>
        </dd>
        <dt>Alignment margin</dt>
        <dd>± {ms(margin)}</dd>
      </dl>
      <p className={styles.note}>
        The server&apos;s timestamps were recorded by this deployment&apos;s server as the run happened and are signed by it; nothing
        was run to draw this page.{' '}
        {browserSent
          ? 'The browser timings are what the visitor’s browser measured and sent with the request for this receipt.'
          : 'No browser timings were sent with this receipt: the response line is where the server sent the body’s last byte.'}
      </p>
      <p className={styles.actions}>
        {links.rerun ? <a href={links.rerun}>Run this again</a> : null}
        {links.section ? <a href={links.section.href}>Read the guide: {links.section.title}</a> : null}
      </p>
    </main>
  )
}
