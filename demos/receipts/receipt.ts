import type { StreamEnd, TimelineEvent } from '../engine/timeline'

/** What the browser measured of one run and sent with the receipt request, on its own clock. */
export interface ReceiptBrowser {
  firstByte: number
  lastByte: number
  /** The HTTP status it got; 0 for a redirect (fetch may not read it). */
  status: number
  redirected?: boolean
  stopped?: boolean
}

/** One run as recorded: its scenario, parameters and the server's events, as the store held them. */
export interface ReceiptRun {
  runId: string
  scenario: string
  params: Record<string, number>
  end: StreamEnd
  /** Absent for a receipt asked for without the browser's figures (with curl): the chart then uses the server's own times. */
  browser?: ReceiptBrowser
  events: TimelineEvent[]
}

/** Everything a receipt page shows, signed as one. */
export interface Receipt {
  v: 1
  runs: ReceiptRun[]
  /** The Next.js the demo code was built against, the one whose server ran it, and Node.js. */
  nextVersion: string
  serverNextVersion: string | null
  node: string
  /** The path prefix of the deployment's server that ran them: `""` the site's own, `/next16` the Next.js 16 one. */
  base: string
  /** When the receipt was made (ms since the epoch, UTC). */
  at: number
  /** The short link (`/r/<slug>`) of the guide's section the demo is in. */
  section?: string
}
