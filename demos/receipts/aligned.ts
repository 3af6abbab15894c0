import { align, type AlignedRun } from '../client/align'
import type { RunSoFar } from '../client/run'
import { EVENTS } from '../engine/timeline'
import type { ReceiptRun } from './receipt'

/**
 * A recorded run as the chart draws it. Without the browser's figures (a
 * receipt asked for with curl) the response is placed where the server sent
 * its body's last byte, so the margin is 0 and says nothing of the network.
 */
export function alignedRun(run: ReceiptRun): AlignedRun {
  const sent = run.events.find((event) => event.type === EVENTS.responseBodySent || event.type === EVENTS.responseReturned)?.t ?? 0
  const browser = run.browser ?? { firstByte: sent, lastByte: sent, status: 200 }
  const soFar: RunSoFar = {
    scenario: run.scenario,
    runId: run.runId,
    status: browser.status,
    redirected: browser.redirected,
    browser: { firstByte: browser.firstByte, lastByte: browser.lastByte, stopped: browser.stopped },
    events: run.events,
    end: run.end,
  }
  return align(soFar)
}
