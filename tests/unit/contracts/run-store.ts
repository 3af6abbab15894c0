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

    it('creates runs with URL-safe ids and finds them again', async () => {
      const store = storeOf(10)
      const run = (await store.create('after', { work: 1 }))!
      expect(run.id).toMatch(RUN_ID_PATTERN)
      expect(await store.get(run.id)).toEqual(run)
      expect(await store.size()).toBe(1)
      expect(run.status).toBe('running')
    })

    it('evicts the oldest finished run when full', async () => {
      const store = storeOf(2)
      const first = (await store.create('a', {}))!
      const second = (await store.create('b', {}))!
      await store.end(first.id, 'complete')
      await store.end(second.id, 'complete')
      const third = (await store.create('c', {}))!
      expect(await store.get(first.id)).toBeUndefined()
      expect((await store.get(second.id))?.id).toBe(second.id)
      expect((await store.get(third.id))?.id).toBe(third.id)
      expect(await store.size()).toBe(2)
    })

    it('never evicts a run in flight: refuses a new one instead', async () => {
      const store = storeOf(2)
      const first = (await store.create('a', {}))!
      await store.create('b', {})
      expect(await store.create('c', {})).toBeUndefined()
      expect(await store.size()).toBe(2)
      await store.end(first.id, 'complete')
      expect(await store.create('c', {})).toBeDefined()
    })

    it('evicts runs past their age limit, a running one too', async () => {
      const clock = fakeClock()
      const store = storeOf(10, clock)
      const old = (await store.create('a', {}))!
      clock.advance(600)
      const young = (await store.create('b', {}))!
      clock.advance(500)
      expect(await store.get(old.id)).toBeUndefined()
      expect((await store.get(young.id))?.id).toBe(young.id)
    })

    it('numbers events in order and ignores events after the end', async () => {
      const store = storeOf(10)
      const run = (await store.create('a', {}))!
      await store.append(run.id, event('one'), 1.23)
      await store.append(run.id, event('two'), 5)
      expect(await store.end(run.id, 'complete')).toBe(true)
      expect(await store.append(run.id, event('late'), 9)).toBeUndefined()
      expect(await store.end(run.id, 'expired')).toBe(false)
      expect((await store.get(run.id))?.status).toBe('complete')
      expect((await store.events(run.id)).map((e) => [e.seq, e.label, e.t])).toEqual([
        [0, 'one', 1.2],
        [1, 'two', 5],
      ])
    })

    describe('finding a run by the client reference', () => {
      it('finds the run created with a reference, and none for a reference never used', async () => {
        const store = storeOf(10)
        const run = (await store.create('fail-throw', {}, REF))!
        expect(run.ref).toBe(REF)
        expect((await store.findByRef(REF))?.id).toBe(run.id)
        expect(await store.findByRef('B'.repeat(22))).toBeUndefined()
        expect((await store.create('after', {}))!.ref).toBeUndefined()
      })

      it('forgets the reference when its run is evicted, by age or to make room', async () => {
        const clock = fakeClock()
        const store = storeOf(1, clock)
        await store.end((await store.create('a', {}, REF))!.id, 'complete')
        await store.create('b', {})
        expect(await store.findByRef(REF)).toBeUndefined()

        const aged = storeOf(10, clock)
        await aged.create('a', {}, REF)
        clock.advance(1001)
        expect(await aged.findByRef(REF)).toBeUndefined()
      })

      it('a reused reference points at the newer run, and evicting the older one keeps it', async () => {
        const store = storeOf(2)
        const older = (await store.create('a', {}, REF))!
        const newer = (await store.create('b', {}, REF))!
        await store.end(older.id, 'complete')
        await store.create('c', {})
        expect(await store.get(older.id)).toBeUndefined()
        expect((await store.findByRef(REF))?.id).toBe(newer.id)
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
