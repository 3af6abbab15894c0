/**
 * Receipts: a finished run, signed and carried in its own link, so a reviewer
 * can paste the evidence. `create` makes one (`POST /api/runs/<runId>/receipt`),
 * `token` signs, compresses and verifies, `secret` holds the key, `aligned`
 * and `sentence` turn a receipt back into the chart's runs and into words.
 */
export { alignedRun } from './aligned'
export { receiptResponse, receiptRoute } from './create'
export { receiptCardPath, receiptPath } from './paths'
export type { Receipt, ReceiptBrowser, ReceiptRun } from './receipt'
export { rerunQuery } from './rerun'
export { runTitle } from './run-title'
export { receiptSecret } from './secret'
export { receiptSentence } from './sentence'
export { decodeReceipt, encodeReceipt, type TokenProblem, type Verified } from './token'
