import { createHmac, timingSafeEqual } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Receipt } from './receipt'

/**
 * A receipt travels in its own link: the recorded data, compressed, then a
 * signature over those exact bytes. `<data>.<signature>`, both base64url.
 * Nothing is stored, so a receipt outlives its run's eviction and a restart,
 * and any instance holding the same secret can read it; only a holder of the
 * secret can make one that verifies.
 */
const SIGNATURE_BYTES = 16
const TOKEN = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{22})$/
/** Inflated data past this is no receipt this server made (and no zip bomb gets through). */
const MAX_INFLATED = 64 * 1024

const sign = (data: Buffer, secret: string): Buffer => createHmac('sha256', secret).update(data).digest().subarray(0, SIGNATURE_BYTES)

export function encodeReceipt(receipt: Receipt, secret: string): string {
  const data = deflateRawSync(Buffer.from(JSON.stringify(receipt)), { level: 9 })
  return `${data.toString('base64url')}.${sign(data, secret).toString('base64url')}`
}

/** Why a token was refused: `malformed` (not a receipt's shape: truncated, mistyped) or `forged` (the signature does not match). */
export type TokenProblem = 'malformed' | 'forged'

export type Verified = { receipt: Receipt } | { problem: TokenProblem }

export function decodeReceipt(token: string, secret: string): Verified {
  const parts = TOKEN.exec(token)
  if (!parts) return { problem: 'malformed' }
  const data = Buffer.from(parts[1]!, 'base64url')
  const signature = Buffer.from(parts[2]!, 'base64url')
  if (signature.length !== SIGNATURE_BYTES || !timingSafeEqual(signature, sign(data, secret))) return { problem: 'forged' }
  try {
    return { receipt: JSON.parse(inflateRawSync(data, { maxOutputLength: MAX_INFLATED }).toString('utf8')) as Receipt }
  } catch {
    // Signed by us yet unreadable: only a receipt of another format version could be; refuse it as malformed.
    return { problem: 'malformed' }
  }
}
