import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createServerState, loadConfig, startRun, type ServerState } from '@/demos/admission'
import { EVENTS, LANES } from '@/demos/engine'
import { runBody, type BodyEnd } from '@/demos/next/run-body'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const MAX_RUN_MS = 60_000
const SETTLE_MS = 30

/** A server state with one run slot, so a run that never ends shows as a refused next run. */
function oneSlotState(): ServerState {
  return createServerState({ ...loadConfig(), maxRunsInFlight: 1, settleMs: SETTLE_MS, maxRunMs: MAX_RUN_MS, maxRuns: 10, runMaxAgeMs: 10 * MAX_RUN_MS })
}

async function setup() {
  const state = oneSlotState()
  const recorder = await startRun(state, 'after', {}, 'client')
  // Stands in for Next.js's after(): callbacks wait here until the test "sends the response".
  const scheduled: Array<() => void> = []
  const end: BodyEnd<string> = {
    returned: (value) => ({ type: EVENTS.responseReturned, label: `returned ${value}`, lane: LANES.handler, outcome: 'ok' }),
    threw: { type: EVENTS.handlerThrew, label: 'Handler threw', lane: LANES.handler },
    afterResponse: (callback) => void scheduled.push(callback),
  }
  const sendResponse = () => scheduled.splice(0).forEach((callback) => callback())
  const types = async () => {
    await recorder.run.flushed()
    return (await recorder.run.events()).map((event) => event.type)
  }
  const admitsAnother = () => startRun(state, 'after', {}, 'client')
  return { state, recorder, scheduled, end, sendResponse, types, admitsAnother }
}

describe('runBody', () => {
  it('a body that returns: its return ends the bar, then the sending is recorded and the run completes', async () => {
    const { recorder, end, sendResponse, types, state } = await setup()
    await expect(runBody(recorder, async () => 'ok', end)).resolves.toBe('ok')
    expect(await types()).toEqual([EVENTS.requestReceived, EVENTS.responseReturned])
    sendResponse()
    await vi.advanceTimersByTimeAsync(SETTLE_MS)
    expect(await types()).toEqual([EVENTS.requestReceived, EVENTS.responseReturned, EVENTS.responseSent])
    expect(await recorder.run.status()).toBe('complete')
    expect(await state.runsInFlight.count()).toBe(0)
  })

  it('records the sending after the callbacks the body scheduled, so theirs start first', async () => {
    const { recorder, end, scheduled, sendResponse, types } = await setup()
    const bodyCallback = () => recorder.mark({ type: EVENTS.effectLogged, label: 'callback', lane: LANES.sideEffect, phase: 'instant' })
    await runBody(recorder, async () => (end.afterResponse(bodyCallback), 'ok'), end)
    expect(scheduled).toHaveLength(2)
    sendResponse()
    expect((await types()).slice(-2)).toEqual([EVENTS.effectLogged, EVENTS.responseSent])
  })

  it('a body that throws: the throw ends the bar, the error goes on unchanged, and the run completes and frees its slot', async () => {
    const { recorder, end, scheduled, sendResponse, types, state, admitsAnother } = await setup()
    const failure = new Error('database unreachable')
    await expect(
      runBody(recorder, async () => {
        throw failure
      }, end),
    ).rejects.toBe(failure)
    await recorder.run.flushed()
    expect((await recorder.run.events()).at(-1)).toMatchObject({ type: EVENTS.handlerThrew, phase: 'end', outcome: 'error', detail: 'database unreachable' })
    // The one slot is taken until the run ends.
    await expect(admitsAnother()).rejects.toMatchObject({ status: 503 })
    expect(scheduled).toHaveLength(1)
    sendResponse()
    await vi.advanceTimersByTimeAsync(SETTLE_MS)
    expect((await types()).at(-1)).toBe(EVENTS.responseSent)
    // Complete, not expired: it ended 30 ms after the response, not at maxRunMs.
    expect(await recorder.run.status()).toBe('complete')
    expect(await state.runsInFlight.count()).toBe(0)
    expect(await (await admitsAnother()).run.status()).toBe('running')
  })

  it('a body that hands its run on records no sending: the handler it hands to does', async () => {
    const { recorder, end, scheduled } = await setup()
    await runBody(recorder, async () => 'next', { ...end, continuesRun: () => true })
    expect(scheduled).toHaveLength(0)
    expect(await recorder.run.status()).toBe('running')
  })

  it('a body that meant to hand its run on but threw ends the run itself', async () => {
    const { recorder, end, scheduled, sendResponse } = await setup()
    const handing = { ...end, continuesRun: () => true }
    await expect(
      runBody(recorder, async () => {
        throw new Error('middleware failed')
      }, handing),
    ).rejects.toThrow('middleware failed')
    expect(scheduled).toHaveLength(1)
    sendResponse()
    await vi.advanceTimersByTimeAsync(SETTLE_MS)
    expect(await recorder.run.status()).toBe('complete')
  })
})
