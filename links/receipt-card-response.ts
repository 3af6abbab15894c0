import { decodeReceipt, receiptSecret, receiptSentence } from '../demos/receipts'
import { receiptCard } from './receipt-card'

/**
 * `GET /receipt-cards/<token>.png`: the receipt's card, or a plain-text 400
 * (tampered) or 404 (not a receipt's shape) that draws nothing.
 */
export async function receiptCardResponse(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const file = (await params).token
  const verified = file.endsWith('.png') ? decodeReceipt(file.slice(0, -'.png'.length), receiptSecret()) : ({ problem: 'malformed' } as const)
  if ('problem' in verified) {
    const forged = verified.problem === 'forged'
    return new Response(forged ? 'This receipt does not check out: its signature does not match.\n' : 'No receipt card at this address.\n', {
      status: forged ? 400 : 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  }
  return receiptCard(verified.receipt, receiptSentence(verified.receipt))
}
