import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { EVENTS, LANES, type TimelineEvent } from '@/demos/engine/timeline'
import { readEvents } from '../support/api'
import { startVersionServer, type RunningServer } from '../support/server'

/** Long enough that no busy machine delays a freeze past it: a cut is a cut, not a slow freeze. */
const EFFECT = 4000
/** A frozen instance not thawed within this long is discarded. */
const FROZEN_MAX_MS = 5000

/** The state letter (`T`: stopped) of each emulated instance in the server's process group. */
function instanceStates(group: number): string[] {
  const states: string[] = []
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('demos/serverless/instance.mjs')) continue
      // After "(comm)": state, ppid, pgrp.
      const [state, , pgrp] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      if (Number(pgrp) === group) states.push(state!)
    } catch {
      // gone meanwhile
    }
  }
  return states
}

const at = (events: TimelineEvent[], type: string) => events.find((event) => event.type === type)?.t

describe.each(inject('versions'))('the emulated serverless platform (POST /api/serverless/<scenario>), Next.js $name', (version) => {
  let server: RunningServer
  /** Where this version's endpoints answer: the 16 server's under its base path. */
  let base: string
  beforeAll(async () => {
    ;({ server, base } = await startVersionServer(version, { AFTER_GUIDE_FROZEN_MAX_MS: String(FROZEN_MAX_MS) }))
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })
  const invoke = (scenario: string, query = `work=20&effect=${EFFECT}`) => fetch(`${base}/api/serverless/${scenario}?${query}`, { method: 'POST' })

  it('freezes the instance once the response and the waitUntil work are over: the void side effect is cut, the after() one completes, and nothing stays stopped', async () => {
    const group = server.process.pid!
    // Warmed ahead of the first run, the instance waits frozen.
    expect((await fetch(`${base}/api/serverless`, { method: 'POST' })).status).toBe(204)
    await expect.poll(() => instanceStates(group)).toEqual(['T'])
    const runIds: Record<string, string> = {}
    for (const scenario of ['fire-and-forget', 'after']) {
      const response = await invoke(scenario)
      expect(response.status).toBe(200)
      runIds[scenario] = response.headers.get('x-run-id')!
      // The run ends at the freeze; the instance is stopped from then on, until the next invocation thaws it.
      expect((await readEvents(runIds[scenario]!, undefined, base)).end).toBe('complete')
      await expect.poll(() => instanceStates(group)).toEqual(['T'])
    }

    // Read once the after() invocation thawed the instance, whose frozen void work then resumed: its run stays cut.
    const fireAndForget = (await readEvents(runIds['fire-and-forget']!, undefined, base)).events
    const frozen = at(fireAndForget, EVENTS.instanceFrozen)!
    expect(at(fireAndForget, EVENTS.effectStarted)).toBeLessThan(frozen)
    expect(at(fireAndForget, EVENTS.effectFinished)).toBeUndefined()
    expect(frozen).toBeLessThan(EFFECT)
    expect(fireAndForget.at(-1)!.type).toBe(EVENTS.instanceFrozen)

    const withAfter = (await readEvents(runIds.after!, undefined, base)).events
    const finished = at(withAfter, EVENTS.effectFinished)!
    expect(finished - at(withAfter, EVENTS.effectStarted)!).toBeGreaterThanOrEqual(EFFECT - 1)
    expect(at(withAfter, EVENTS.instanceFrozen)).toBeGreaterThanOrEqual(finished)
    expect(withAfter.filter((event) => event.lane === LANES.sideEffect && event.phase === 'end')).toHaveLength(1)

    // Not thawed by another invocation, the frozen instance is discarded: no process is left stopped.
    await expect.poll(() => instanceStates(group), { timeout: FROZEN_MAX_MS + 15_000 }).toEqual([])
  }, 60_000)

  it('refuses bad input with the JSON error every demo gives, naming the field', async () => {
    const tooLong = await invoke('after', 'work=20&effect=99999')
    expect(tooLong.status).toBe(400)
    expect(((await tooLong.json()) as { error: { field: string } }).error.field).toBe('effect')
    const other = await invoke('baseline', 'work=20')
    expect(other.status).toBe(404)
    expect(await other.json()).toMatchObject({ error: { field: 'scenario', allowed: 'blocking, fire-and-forget, after' } })
    const wrongMethod = await fetch(`${base}/api/serverless/after`)
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
  })
})
