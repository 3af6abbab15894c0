import { describe, expect, it } from 'vitest'
import { EVENTS, LANES, RUN_ID_PATTERN, RUN_REF_PATTERN } from '@/demos/engine'
import { fakeClock, type BackendFactory } from './backend'

// The store carries any event; these differ only by label, which the assertions read.
const event = (label: string) => ({ type: EVENTS.effectLogged, label, lane: LANES.sideEffect, phase: 'instant' as const })

const REF = 'A'.repeat(22)

/** What every `RunStore` must do (see demos/engine/run-backend.ts), run against the backend `make` builds. */
export function runStoreContract(backend: string, make: BackendFactory) {
  describe(`RunStore contract: ${backend}`, () => {
    const storeOf = (maxRuns: number, clock = fakeClock()) => make({ maxRuns, maxAgeMs: 1000, clock }).store

    it('creates runs with URL-safe ids and finds them again', () => {
      const store = storeOf(10)
      const run = store.create('after', { work: 1 })!
      expect(run.id).toMatch(RUN_ID_PATTERN)
      expect(store.get(run.id)).toEqual(run)
      expect(store.size).toBe(1)
      expect(run.status).toBe('running')
    })

    it('evicts the oldest finished run when full', () => {
      const store = storeOf(2)
      const first = store.create('a', {})!
      const second = store.create('b', {})!
      store.end(first.id, 'complete')
      store.end(second.id, 'complete')
      const third = store.create('c', {})!
      expect(store.get(first.id)).toBeUndefined()
      expect(store.get(second.id)?.id).toBe(second.id)
      expect(store.get(third.id)?.id).toBe(third.id)
      expect(store.size).toBe(2)
    })

    it('never evicts a run in flight: refuses a new one instead', () => {
      const store = storeOf(2)
      const first = store.create('a', {})!
      store.create('b', {})
      expect(store.create('c', {})).toBeUndefined()
      expect(store.size).toBe(2)
      store.end(first.id, 'complete')
      expect(store.create('c', {})).toBeDefined()
    })

    it('evicts runs past their age limit, a running one too', () => {
      const clock = fakeClock()
      const store = storeOf(10, clock)
      const old = store.create('a', {})!
      clock.advance(600)
      const young = store.create('b', {})!
      clock.advance(500)
      expect(store.get(old.id)).toBeUndefined()
      expect(store.get(young.id)?.id).toBe(young.id)
    })

    it('numbers events in order and ignores events after the end', () => {
      const store = storeOf(10)
      const run = store.create('a', {})!
      store.append(run.id, event('one'), 1.23)
      store.append(run.id, event('two'), 5)
      expect(store.end(run.id, 'complete')).toBe(true)
      expect(store.append(run.id, event('late'), 9)).toBeUndefined()
      expect(store.end(run.id, 'expired')).toBe(false)
      expect(store.get(run.id)?.status).toBe('complete')
      expect(store.events(run.id).map((e) => [e.seq, e.label, e.t])).toEqual([
        [0, 'one', 1.2],
        [1, 'two', 5],
      ])
    })

    describe('finding a run by the client reference', () => {
      it('finds the run created with a reference, and none for a reference never used', () => {
        const store = storeOf(10)
        const run = store.create('fail-throw', {}, REF)!
        expect(run.ref).toBe(REF)
        expect(store.findByRef(REF)?.id).toBe(run.id)
        expect(store.findByRef('B'.repeat(22))).toBeUndefined()
        expect(store.create('after', {})!.ref).toBeUndefined()
      })

      it('forgets the reference when its run is evicted, by age or to make room', () => {
        const clock = fakeClock()
        const store = storeOf(1, clock)
        store.end(store.create('a', {}, REF)!.id, 'complete')
        store.create('b', {})
        expect(store.findByRef(REF)).toBeUndefined()

        const aged = storeOf(10, clock)
        aged.create('a', {}, REF)
        clock.advance(1001)
        expect(aged.findByRef(REF)).toBeUndefined()
      })

      it('a reused reference points at the newer run, and evicting the older one keeps it', () => {
        const store = storeOf(2)
        const older = store.create('a', {}, REF)!
        const newer = store.create('b', {}, REF)!
        store.end(older.id, 'complete')
        store.create('c', {})
        expect(store.get(older.id)).toBeUndefined()
        expect(store.findByRef(REF)?.id).toBe(newer.id)
      })

      it('accepts exactly 22 URL-safe characters', () => {
        expect(RUN_REF_PATTERN.test('abcDEF012_-abcDEF012_-')).toBe(true)
        expect(RUN_REF_PATTERN.test('A'.repeat(21))).toBe(false)
        expect(RUN_REF_PATTERN.test('A'.repeat(23))).toBe(false)
        expect(RUN_REF_PATTERN.test(`${'A'.repeat(21)}=`)).toBe(false)
      })
    })
  })
}
