import { describe, expect, it } from 'vitest'
import { MemoryRunStore, RUN_REF_PATTERN } from '@/demos/engine/run-store'

function fakeClock() {
  let now = 0
  return Object.assign(() => now, { advance: (ms: number) => void (now += ms) })
}

const REF = 'A'.repeat(22)

describe('MemoryRunStore: finding a run by the client reference', () => {
  it('finds the run created with a reference, and none for a reference never used', () => {
    const store = new MemoryRunStore({ maxRuns: 10, maxAgeMs: 1000, clock: fakeClock() })
    const run = store.create('fail-throw', {}, REF)!
    expect(run.ref).toBe(REF)
    expect(store.findByRef(REF)).toBe(run)
    expect(store.findByRef('B'.repeat(22))).toBeUndefined()
    expect(store.create('after', {})!.ref).toBeUndefined()
  })

  it('forgets the reference when its run is evicted, by age or to make room', () => {
    const clock = fakeClock()
    const store = new MemoryRunStore({ maxRuns: 1, maxAgeMs: 1000, clock })
    store.create('a', {}, REF)!.end('complete')
    store.create('b', {})
    expect(store.findByRef(REF)).toBeUndefined()

    const aged = new MemoryRunStore({ maxRuns: 10, maxAgeMs: 1000, clock })
    aged.create('a', {}, REF)
    clock.advance(1001)
    expect(aged.findByRef(REF)).toBeUndefined()
  })

  it('a reused reference points at the newer run, and evicting the older one keeps it', () => {
    const store = new MemoryRunStore({ maxRuns: 2, maxAgeMs: 1000, clock: fakeClock() })
    const older = store.create('a', {}, REF)!
    const newer = store.create('b', {}, REF)!
    older.end('complete')
    store.create('c', {})
    expect(store.get(older.id)).toBeUndefined()
    expect(store.findByRef(REF)).toBe(newer)
  })

  it('accepts exactly 22 URL-safe characters', () => {
    expect(RUN_REF_PATTERN.test('abcDEF012_-abcDEF012_-')).toBe(true)
    expect(RUN_REF_PATTERN.test('A'.repeat(21))).toBe(false)
    expect(RUN_REF_PATTERN.test('A'.repeat(23))).toBe(false)
    expect(RUN_REF_PATTERN.test(`${'A'.repeat(21)}=`)).toBe(false)
  })
})
