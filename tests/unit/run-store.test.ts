import { describe, expect, it } from 'vitest'
import { MemoryRunStore, RUN_ID_PATTERN } from '@/demos/engine/run-store'
import { EVENTS, LANES, type RunMessage } from '@/demos/engine/timeline'

function fakeClock(start = 0) {
  let now = start
  const clock = () => now
  return Object.assign(clock, { advance: (ms: number) => void (now += ms) })
}

// The store carries any event; these differ only by label, which the assertions read.
const event = (label: string) => ({ type: EVENTS.effectLogged, label, lane: LANES.sideEffect, phase: 'instant' as const })

describe('MemoryRunStore', () => {
  it('creates runs with URL-safe ids and finds them again', () => {
    const store = new MemoryRunStore({ maxRuns: 10, maxAgeMs: 1000, clock: fakeClock() })
    const run = store.create('after', { work: 1 })!
    expect(run.id).toMatch(RUN_ID_PATTERN)
    expect(store.get(run.id)).toBe(run)
    expect(store.size).toBe(1)
    expect(run.status).toBe('running')
  })

  it('evicts the oldest finished run when full', () => {
    const store = new MemoryRunStore({ maxRuns: 2, maxAgeMs: 1000, clock: fakeClock() })
    const first = store.create('a', {})!
    const second = store.create('b', {})!
    first.end('complete')
    second.end('complete')
    const third = store.create('c', {})!
    expect(store.get(first.id)).toBeUndefined()
    expect(store.get(second.id)).toBe(second)
    expect(store.get(third.id)).toBe(third)
    expect(store.size).toBe(2)
  })

  it('never evicts a run in flight: refuses a new one instead', () => {
    const store = new MemoryRunStore({ maxRuns: 2, maxAgeMs: 1000, clock: fakeClock() })
    const first = store.create('a', {})!
    store.create('b', {})
    expect(store.create('c', {})).toBeUndefined()
    expect(store.size).toBe(2)
    first.end('complete')
    expect(store.create('c', {})).toBeDefined()
  })

  it('evicts runs past their age limit, ending a running one as expired', () => {
    const clock = fakeClock()
    const store = new MemoryRunStore({ maxRuns: 10, maxAgeMs: 1000, clock })
    const old = store.create('a', {})!
    const messages: RunMessage[] = []
    old.subscribe((message) => messages.push(message))
    clock.advance(600)
    const young = store.create('b', {})!
    clock.advance(500)
    store.evictExpired()
    expect(store.get(old.id)).toBeUndefined()
    expect(store.get(young.id)).toBe(young)
    expect(messages).toEqual([{ kind: 'end', status: 'expired' }])
  })

  it('numbers events in order and ignores events after the end', () => {
    const store = new MemoryRunStore({ maxRuns: 10, maxAgeMs: 1000, clock: fakeClock() })
    const run = store.create('a', {})!
    run.append(event('one'), 1.23)
    run.append(event('two'), 5)
    run.end('complete')
    run.append(event('late'), 9)
    expect(run.events().map((e) => [e.seq, e.label, e.t])).toEqual([
      [0, 'one', 1.2],
      [1, 'two', 5],
    ])
  })
})

describe('StoredRun.subscribe', () => {
  const setup = () => new MemoryRunStore({ maxRuns: 10, maxAgeMs: 1000, clock: fakeClock() }).create('a', {})!

  it('replays what was recorded, then delivers live events, then one end marker', () => {
    const run = setup()
    run.append(event('before'), 1)
    const seen: string[] = []
    run.subscribe((m) => seen.push(m.kind === 'event' ? m.event.label : `end:${m.status}`))
    run.append(event('during'), 2)
    run.end('complete')
    run.end('expired')
    expect(seen).toEqual(['before', 'during', 'end:complete'])
  })

  it('gives a subscriber that arrives after the end the whole timeline', () => {
    const run = setup()
    run.append(event('one'), 1)
    run.append(event('two'), 2)
    run.end('complete')
    const seen: string[] = []
    run.subscribe((m) => seen.push(m.kind === 'event' ? m.event.label : `end:${m.status}`))
    expect(seen).toEqual(['one', 'two', 'end:complete'])
  })

  it('resumes after a given sequence number', () => {
    const run = setup()
    for (const label of ['a', 'b', 'c']) run.append(event(label), 1)
    const seen: string[] = []
    run.subscribe((m) => m.kind === 'event' && seen.push(m.event.label), 0)
    expect(seen).toEqual(['b', 'c'])
  })

  it('stops delivering after unsubscribe', () => {
    const run = setup()
    const seen: string[] = []
    const unsubscribe = run.subscribe((m) => m.kind === 'event' && seen.push(m.event.label))
    run.append(event('one'), 1)
    unsubscribe()
    run.append(event('two'), 2)
    expect(seen).toEqual(['one'])
  })
})
