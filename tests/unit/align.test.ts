import { describe, expect, it } from 'vitest'
import { align, bars, effectAfterResponse, missingLanes, sideEffectEnds } from '@/demos/client/align'
import type { CompletedRun } from '@/demos/client/run'
import { EVENTS, LANES, type EventType, type TimelineEvent } from '@/demos/engine/timeline'

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
    const aligned = align(run([ev(0, EVENTS.requestReceived, LANES.handler, 'start'), ev(40, EVENTS.responseReturned, LANES.handler, 'end', 'ok')], { firstByte: 55, lastByte: 60 }))
    expect(aligned.offset).toBe(10)
    expect(aligned.margin).toBe(10)
  })

  it('a streamed response: the first chunk is compared with the first byte, not the stream end', () => {
    const events = [
      ev(0, EVENTS.requestReceived, LANES.handler, 'start'),
      ev(1, EVENTS.streamStarted, LANES.stream, 'start'),
      ev(1, EVENTS.responseReturned, LANES.handler, 'end', 'ok'),
      ev(250, EVENTS.streamChunk, LANES.stream, 'instant'),
      ev(3000, EVENTS.streamClosed, LANES.stream, 'end', 'ok'),
    ]
    const aligned = align(run(events, { firstByte: 270, lastByte: 3020 }))
    expect(aligned.offset).toBe(10)
    expect(aligned.margin).toBe(10)
  })

  it(`a thrown handler is aligned on ${EVENTS.handlerThrew}`, () => {
    const aligned = align(run([ev(0, EVENTS.requestReceived, LANES.handler, 'start'), ev(30, EVENTS.handlerThrew, LANES.handler, 'end', 'error')], { firstByte: 50, lastByte: 50 }))
    expect(aligned.offset).toBe(10)
    expect(bars(aligned)[0]).toMatchObject({ lane: LANES.handler, outcome: 'error' })
  })
})


describe('side effects and missing lanes', () => {
  const events = [
    ev(0, EVENTS.requestReceived, LANES.handler, 'start'),
    ev(20, EVENTS.responseReturned, LANES.handler, 'end', 'ok'),
    ev(21, EVENTS.effectStarted, LANES.analytics, 'start'),
    ev(21, EVENTS.effectStarted, LANES.sideEffect, 'start'),
    ev(300, EVENTS.effectFailed, LANES.analytics, 'end', 'error'),
    ev(310, EVENTS.effectFinished, LANES.sideEffect, 'end', 'ok'),
    ev(311, EVENTS.effectLogged, LANES.sideEffect, 'instant'),
  ]
  const aligned = align(run(events, { firstByte: 40, lastByte: 40 }))

  it('lists every side effect end, failed or finished, and measures the last from the last byte', () => {
    expect(sideEffectEnds(aligned).map((event) => event.type)).toEqual([EVENTS.effectFailed, EVENTS.effectFinished])
    expect(effectAfterResponse(aligned)).toBe(10 + 310 - 40)
  })

  it('names the expected lanes that recorded nothing', () => {
    expect(missingLanes(aligned, [LANES.sideEffect, LANES.sendReceipt])).toEqual([LANES.sendReceipt])
    expect(missingLanes(aligned)).toEqual([])
  })
})

describe('a run still going', () => {
  const started = (events: TimelineEvent[]) => ({ scenario: 'x', runId: 'AAAAAAAAAAAA', status: 200, browser: { firstByte: 50, lastByte: 60 }, events })

  it('keeps its server events back until the event it is aligned by has arrived', () => {
    expect(align(started([ev(0, EVENTS.requestReceived, LANES.handler, 'start')])).events).toEqual([])
  })

  it('draws a lane with a start and no end yet up to now, and a finished run as before', () => {
    const events = [
      ev(0, EVENTS.requestReceived, LANES.handler, 'start'),
      ev(40, EVENTS.responseReturned, LANES.handler, 'end', 'ok'),
      ev(41, EVENTS.effectStarted, LANES.sideEffect, 'start'),
    ]
    const aligned = align(started(events))
    expect(bars(aligned, 500)).toEqual([
      { lane: LANES.handler, from: 10, to: 50, outcome: 'ok' },
      { lane: LANES.sideEffect, from: 51, to: 500, outcome: 'ok', running: true },
    ])
    // Without a clock (the run has ended), an open lane is drawn as far as its events go.
    expect(bars(aligned)).toContainEqual({ lane: LANES.sideEffect, from: 51, to: 51, outcome: 'ok' })
  })

  it('cuts a lane left open by a freeze of the (emulated) platform at the freeze, with or without a clock', () => {
    const events = [
      ev(0, EVENTS.requestReceived, LANES.handler, 'start'),
      ev(40, EVENTS.responseReturned, LANES.handler, 'end', 'ok'),
      ev(41, EVENTS.effectStarted, LANES.sideEffect, 'start'),
      ev(60, EVENTS.instanceFrozen, LANES.handler, 'instant'),
    ]
    const aligned = align(started(events))
    const cut = { lane: LANES.sideEffect, from: 51, to: 70, outcome: 'ok', cut: true }
    expect(bars(aligned)).toEqual([{ lane: LANES.handler, from: 10, to: 50, outcome: 'ok' }, cut])
    expect(bars(aligned, 500)).toContainEqual(cut)
  })
})
