import { describe, expect, it, vi } from 'vitest'
import { EVENTS, LANES, Runs, type RunMessage } from '@/demos/engine'
import { fakeClock, type BackendFactory } from './backend'

// The feed carries any event; these differ only by label, which the assertions read.
const event = (label: string) => ({ type: EVENTS.effectLogged, label, lane: LANES.sideEffect, phase: 'instant' as const })

const describeMessage = (message: RunMessage): string => (message.kind === 'event' ? message.event.label : `end:${message.status}`)

/**
 * What every `EventFeed` must do (see demos/engine/run-backend.ts), run
 * against the backend `make` builds. Runs are written through the engine's
 * `Runs`, which publishes each write the store accepted, as in production.
 */
export function eventFeedContract(backend: string, make: BackendFactory) {
  describe(`EventFeed contract: ${backend}`, () => {
    async function setup(clock = fakeClock()) {
      const runs = new Runs(make({ maxRuns: 10, maxAgeMs: 1000, clock }))
      const run = (await runs.create('a', {}))!
      /** Subscribes, collecting what arrives as labels and `end:<status>`. */
      const follow = (afterSeq?: number) => {
        const seen: string[] = []
        const unsubscribe = run.subscribe((message) => seen.push(describeMessage(message)), afterSeq)
        return { seen, unsubscribe }
      }
      /** Resolves once a new subscriber has seen the run's end: everything published before it has been delivered. */
      const settled = () => {
        const { seen } = follow()
        return vi.waitFor(() => expect(seen.at(-1)).toMatch(/^end:/))
      }
      return { runs, run, follow, settled }
    }

    it('replays what was recorded, then delivers live events, then one end marker', async () => {
      const { run, follow } = await setup()
      run.append(event('before'), 1)
      const { seen } = follow()
      await vi.waitFor(() => expect(seen).toEqual(['before']))
      run.append(event('during'), 2)
      run.end('complete')
      run.end('expired')
      await vi.waitFor(() => expect(seen).toEqual(['before', 'during', 'end:complete']))
    })

    it('gives a subscriber that arrives after the end the whole timeline', async () => {
      const { run, follow } = await setup()
      run.append(event('one'), 1)
      run.append(event('two'), 2)
      run.end('complete')
      const { seen } = follow()
      await vi.waitFor(() => expect(seen).toEqual(['one', 'two', 'end:complete']))
    })

    it('resumes after a given sequence number', async () => {
      const { run, follow } = await setup()
      for (const label of ['a', 'b', 'c']) run.append(event(label), 1)
      run.end('complete')
      const { seen } = follow(0)
      await vi.waitFor(() => expect(seen).toEqual(['b', 'c', 'end:complete']))
    })

    it('delivers nothing before subscribe() returns, so a listener may unsubscribe on the end of a replay', async () => {
      const { run } = await setup()
      run.end('complete')
      let unsubscribe: (() => void) | undefined
      const ends: Array<(() => void) | undefined> = []
      unsubscribe = run.subscribe((message) => {
        if (message.kind === 'end') ends.push(unsubscribe)
      })
      expect(ends).toEqual([])
      await vi.waitFor(() => expect(ends).toEqual([unsubscribe]))
    })

    it('delivers a burst of writes exactly once and in order, to a subscriber that joins in the middle', async () => {
      const { run, follow } = await setup()
      const labels = Array.from({ length: 40 }, (_, i) => `e${i}`)
      for (const label of labels.slice(0, 20)) run.append(event(label), 1)
      const { seen } = follow()
      for (const label of labels.slice(20)) run.append(event(label), 2)
      run.end('complete')
      await vi.waitFor(() => expect(seen).toEqual([...labels, 'end:complete']))
    })

    it('stops delivering after unsubscribe', async () => {
      const { run, follow, settled } = await setup()
      const { seen, unsubscribe } = follow()
      run.append(event('one'), 1)
      await vi.waitFor(() => expect(seen).toEqual(['one']))
      unsubscribe()
      run.append(event('two'), 2)
      run.end('complete')
      await settled()
      expect(seen).toEqual(['one'])
    })

    it('ends the stream of a run evicted while still running as expired', async () => {
      const clock = fakeClock()
      const { runs, run, follow } = await setup(clock)
      const { seen } = follow()
      clock.advance(1100)
      expect(await runs.get(run.id)).toBeUndefined()
      await vi.waitFor(() => expect(seen).toEqual(['end:expired']))
      expect(follow().seen).toEqual([])
    })
  })
}
