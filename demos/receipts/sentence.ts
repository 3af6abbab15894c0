import { effectAfterResponse } from '../client/align'
import { ms } from '../client/format'
import { alignedRun } from './aligned'
import type { Receipt } from './receipt'
import { runTitle } from './run-title'

/**
 * The receipt in one sentence, for a review comment and the card: per run,
 * how long the response took and when its last side effect ended relative
 * to it, then the largest alignment margin.
 */
export function receiptSentence(receipt: Receipt): string {
  let margin = 0
  const parts = receipt.runs.map((run) => {
    const aligned = alignedRun(run)
    margin = Math.max(margin, aligned.margin)
    const effect = effectAfterResponse(aligned)
    const response = `${runTitle(run)}: the response took ${ms(aligned.run.browser.lastByte)}`
    if (effect === undefined) return response
    return `${response} and the side effect ended ${effect >= 0 ? `${ms(effect)} later` : `${ms(-effect)} before it`}`
  })
  return `${parts.join('; ')} (± ${ms(margin)}, measured on Next.js ${receipt.serverNextVersion ?? receipt.nextVersion}).`
}
