import { describe, expect, it } from 'vitest'
import { align, bars, effectAfterResponse, missingLanes, sideEffectEnds } from '@/demos/client/align'
import type { CompletedRun } from '@/demos/client/run-client'
import type { EventType, TimelineEvent } from '@/demos/engine'

let seq = 0
const ev = (t: number, type: EventType, lane: string, phase: TimelineEvent['phase'], outcome?: 'ok' | 'error'): TimelineEvent => ({
  seq: seq++,
  t,
  type,
  label: type,
  lane,
  phase,
  ...(outcome ? { outcome } : {}),
})

const run = (events: TimelineEvent[], browser: CompletedRun['browser']): CompletedRun => ({
  scenario: 'x',
  runId: 'AAAAAAAAAAAA',
  status: 200,
  browser,
  events,
  end: 'complete',
})

describe('align', () => {
  it('a plain response: the handler time is compared with the last byte', () => {
    const aligned = align(run([ev(0, 'request.received', 'Handler', 'start'), ev(40, 'response.returned', 'Handler', 'end', 'ok')], { firstByte: 55, lastByte: 60 }))
    expect(aligned.offset).toBe(10)
    expect(aligned.margin).toBe(10)
  })

  it('a streamed response: the first chunk is compared with the first byte, not the stream end', () => {
    const events = [
      ev(0, 'request.received', 'Handler', 'start'),
      ev(1, 'stream.started', 'Stream', 'start'),
      ev(1, 'response.returned', 'Handler', 'end', 'ok'),
      ev(250, 'stream.chunk', 'Stream', 'instant'),
      ev(3000, 'stream.closed', 'Stream', 'end', 'ok'),
    ]
    const aligned = align(run(events, { firstByte: 270, lastByte: 3020 }))
    expect(aligned.offset).toBe(10)
    expect(aligned.margin).toBe(10)
  })

  it('a thrown handler is aligned on handler.threw', () => {
    const aligned = align(run([ev(0, 'request.received', 'Handler', 'start'), ev(30, 'handler.threw', 'Handler', 'end', 'error')], { firstByte: 50, lastByte: 50 }))
    expect(aligned.offset).toBe(10)
    expect(bars(aligned)[0]).toMatchObject({ lane: 'Handler', outcome: 'error' })
  })
})


describe('side effects and missing lanes', () => {
  const events = [
    ev(0, 'request.received', 'Handler', 'start'),
    ev(20, 'response.returned', 'Handler', 'end', 'ok'),
    ev(21, 'effect.started', 'Analytics', 'start'),
    ev(21, 'effect.started', 'Side effect', 'start'),
    ev(300, 'effect.failed', 'Analytics', 'end', 'error'),
    ev(310, 'effect.finished', 'Side effect', 'end', 'ok'),
    ev(311, 'effect.logged', 'Side effect', 'instant'),
  ]
  const aligned = align(run(events, { firstByte: 40, lastByte: 40 }))

  it('lists every side effect end, failed or finished, and measures the last from the last byte', () => {
    expect(sideEffectEnds(aligned).map((event) => event.type)).toEqual(['effect.failed', 'effect.finished'])
    expect(effectAfterResponse(aligned)).toBe(10 + 310 - 40)
  })

  it('names the expected lanes that recorded nothing', () => {
    expect(missingLanes(aligned, ['Side effect', 'sendReceipt'])).toEqual(['sendReceipt'])
    expect(missingLanes(aligned)).toEqual([])
  })
})
