import { recordedComposition } from '../compose/recorded'
import { COMPOSE } from '../compose/types'
import { NEXT16_BASE } from '../versions/served'
import type { Receipt } from './receipt'

/** The live demo's own parameters for the runs: a composed handler's is the composition it recorded (`steps`). */
function setUp(runs: Receipt['runs']): Record<string, string> | undefined {
  const composed = runs.find((run) => run.scenario === COMPOSE)
  if (composed) {
    const steps = recordedComposition(composed.events)
    return steps === undefined ? undefined : { steps }
  }
  const params = Object.assign({}, ...runs.map((run) => run.params)) as Record<string, number>
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]))
}

/**
 * The query that sets a live demo up as the receipt's runs were: their
 * parameters, and the Next.js 16 server when they ran there (`next=16`, the version choice's own parameter).
 * None for a composed run that recorded no composition (one made before runs recorded it).
 */
export function rerunQuery(receipt: Receipt): string | undefined {
  const params = setUp(receipt.runs)
  if (params === undefined) return undefined
  const query = new URLSearchParams(params)
  if (receipt.base === NEXT16_BASE) query.set('next', '16')
  return query.toString()
}
