import { describe, expect, it, vi } from 'vitest'
import { createServerState, loadConfig, startRun } from '@/demos/admission'

describe('startRun', () => {
  it('a 503 costs the client no token, and a refusal leaves no run', async () => {
    const state = createServerState({ ...loadConfig(), maxRunsInFlight: 1, rateBurst: 1, ratePerMinute: 1 })
    const held = await startRun(state, 'after', {}, 'someone')
    await expect(startRun(state, 'after', {}, 'client')).rejects.toThrow(/limit of 1 runs in flight/)
    expect(await state.runs.size()).toBe(1)
    held.markResponseSent()
    await vi.waitFor(async () => expect(await state.runsInFlight.count()).toBe(0))
    // Its one token is still there.
    expect((await startRun(state, 'after', {}, 'client')).id).toMatch(/^[A-Za-z0-9_-]{12}$/)
  })
})
