import { describe, expect, it } from 'vitest'
import { decodeReceipt, encodeReceipt, receiptSentence, type Receipt } from '@/demos/receipts'
import { EVENTS, LANES, type TimelineEvent } from '@/demos/engine/timeline'

const event = (seq: number, t: number, type: string, lane: string, phase: TimelineEvent['phase']): TimelineEvent =>
  ({ seq, t, type, label: type, lane, phase }) as TimelineEvent

/** An after() run: 50 ms of work, a 1000 ms side effect after the response; the browser had the body at 60 ms. */
const receipt: Receipt = {
  v: 1,
  runs: [
    {
      runId: 'abcdefghijkl',
      scenario: 'after',
      params: { work: 50, effect: 1000 },
      end: 'complete',
      browser: { firstByte: 58, lastByte: 60, status: 200 },
      events: [
        event(0, 0, EVENTS.requestReceived, LANES.handler, 'start'),
        event(1, 50, EVENTS.responseReturned, LANES.handler, 'end'),
        event(2, 52, EVENTS.effectStarted, LANES.sideEffect, 'start'),
        event(3, 1052, EVENTS.effectFinished, LANES.sideEffect, 'end'),
      ],
    },
  ],
  nextVersion: '15.5.29',
  serverNextVersion: '15.5.29',
  node: 'v20.20.2',
  base: '',
  at: Date.UTC(2026, 11, 1),
  section: 'rule',
}

describe('receipt tokens', () => {
  it('give back exactly the receipt they were made from, with the same secret', () => {
    expect(decodeReceipt(encodeReceipt(receipt, 'one'), 'one')).toEqual({ receipt })
  })

  it('refuse another secret, a changed character and a changed signature as forged', () => {
    const token = encodeReceipt(receipt, 'one')
    expect(decodeReceipt(token, 'two')).toEqual({ problem: 'forged' })
    const [data, signature] = token.split('.') as [string, string]
    const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`
    expect(decodeReceipt(`${flip(data, 5)}.${signature}`, 'one')).toEqual({ problem: 'forged' })
    expect(decodeReceipt(`${data}.${flip(signature, 3)}`, 'one')).toEqual({ problem: 'forged' })
  })

  it('refuse a truncated or mistyped token as malformed', () => {
    const token = encodeReceipt(receipt, 'one')
    expect(decodeReceipt(token.slice(0, -4), 'one')).toEqual({ problem: 'malformed' })
    expect(decodeReceipt(token.split('.')[0]!, 'one')).toEqual({ problem: 'malformed' })
    expect(decodeReceipt('not a receipt', 'one')).toEqual({ problem: 'malformed' })
  })
})

describe('receiptSentence', () => {
  it('says how long the response took and when the side effect ended, with the margin and the version', () => {
    // Aligned on the last byte: slack 60 - 50 = 10 ms, so the server's t=0 is at 5 ms and the effect ends at 1,057 ms.
    expect(receiptSentence(receipt)).toBe(
      'Side effect in after(): the response took 60 ms and the side effect ended 997 ms later (± 5 ms, measured on Next.js 15.5.29).',
    )
  })
})
