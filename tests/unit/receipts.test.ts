import { describe, expect, it } from 'vitest'
import { decodeReceipt, encodeReceipt, receiptSentence, rerunQuery, runTitle, type Receipt } from '@/demos/receipts'
import { compositionEvent, parseComposition, type Step } from '@/demos/compose'
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

/** The steps of `text`, which must parse. */
const stepsOf = (text: string): Step[] => {
  const parsed = parseComposition(text)
  if ('error' in parsed) throw new Error(parsed.error.message)
  return parsed.steps
}

/** The after() run above as the playground's composed handler, with `text`'s composition recorded first. */
const composed = (text: string, base = ''): Receipt => {
  const [run] = receipt.runs
  const recorded = { seq: 0, t: 0, ...compositionEvent(stepsOf(text)) }
  return { ...receipt, base, runs: [{ ...run!, scenario: 'compose', params: { steps: 2, totalMs: 1050 }, events: [recorded, ...run!.events] }] }
}

describe('rerunQuery', () => {
  it('sets a demo up with the runs’ parameters, and the 16 server when they ran there', () => {
    expect(rerunQuery(receipt)).toBe('work=50&effect=1000')
    expect(rerunQuery({ ...receipt, base: '/next16' })).toBe('work=50&effect=1000&next=16')
  })

  it('sets the playground up with the composition a composed run recorded, not its step count', () => {
    const text = 'work:50,after:audit-log:1000'
    expect(new URLSearchParams(rerunQuery(composed(text))).get('steps')).toBe(text)
    expect(Object.fromEntries(new URLSearchParams(rerunQuery(composed(text, '/next16'))))).toEqual({ steps: text, next: '16' })
  })

  it('has none for a composed run that recorded no composition', () => {
    const run = composed('work:50').runs[0]!
    expect(rerunQuery({ ...receipt, runs: [{ ...run, events: run.events.slice(1) }] })).toBeUndefined()
  })
})

describe('a composed run’s receipt', () => {
  it('names it by its composition in the sentence', () => {
    expect(receiptSentence(composed('work:50,after:audit-log:1000'))).toBe(
      'Composed handler “work:50,after:audit-log:1000”: the response took 60 ms and the side effect ended 997 ms later (± 5 ms, measured on Next.js 15.5.29).',
    )
  })

  it('shortens a long composition at a step’s end', () => {
    const long = 'work:500,await:audit-log:300,void:analytics:300,after:email:800,after:webhook:700:fails'
    const run = composed(long).runs[0]!
    expect(runTitle(run)).toBe('Composed handler “work:500,await:audit-log:300,void:analytics:300,…”')
  })
})
