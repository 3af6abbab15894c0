import { NEXT16_BASE } from '../versions/served'
import type { Receipt } from './receipt'

/**
 * The query that sets a live demo up as the receipt's runs were: their
 * parameters, and the Next.js 16 server when they ran there (`next=16`, the version choice's own parameter).
 */
export function rerunQuery(receipt: Receipt): string {
  const params = Object.assign({}, ...receipt.runs.map((run) => run.params)) as Record<string, number>
  const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]))
  if (receipt.base === NEXT16_BASE) query.set('next', '16')
  return query.toString()
}
