import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EVENTS, LANES, memoryBackend, RunRecorder, Runs } from '@/demos/engine'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const clock = () => Date.now()
const labels = { lane: LANES.sideEffect, type: 'effect', started: 'started', finished: 'finished' } as const

async function setup(maxRunMs = 60_000) {
  const run = (await new Runs(memoryBackend({ maxRuns: 10, maxAgeMs: 600_000, clock })).create('after', {}))!
  const recorder = new RunRecorder(run, { clock, settleMs: 30, maxRunMs })
  return { run, recorder }
}

describe('RunRecorder', () => {
  it('completes once the response is sent and every task has finished', async () => {
    const { run, recorder } = await setup()
    const task = recorder.task(labels, () => new Promise((resolve) => setTimeout(resolve, 1000)))
    recorder.markResponseSent()
    await vi.advanceTimersByTimeAsync(500)
    expect(await run.status()).toBe('running')
    await vi.advanceTimersByTimeAsync(500)
    await task
    expect(await run.status()).toBe('running')
    await vi.advanceTimersByTimeAsync(30)
    expect(await run.status()).toBe('complete')
    expect((await run.events()).map((e) => [e.type, e.t])).toEqual([
      [EVENTS.effectStarted, 0],
      [EVENTS.responseSent, 0],
      [EVENTS.effectFinished, 1000],
    ])
  })

  it('waits for a task that starts shortly after the response was sent', async () => {
    const { run, recorder } = await setup()
    recorder.markResponseSent()
    await vi.advanceTimersByTimeAsync(10)
    void recorder.task(labels, () => new Promise((resolve) => setTimeout(resolve, 100)))
    await vi.advanceTimersByTimeAsync(50)
    expect(await run.status()).toBe('running')
    await vi.advanceTimersByTimeAsync(100)
    expect(await run.status()).toBe('complete')
  })

  it('records a failing task with its message and passes the error on', async () => {
    const { run, recorder } = await setup()
    await expect(recorder.task(labels, () => Promise.reject(new Error('log service down')))).rejects.toThrow('log service down')
    expect((await run.events()).at(-1)).toMatchObject({ type: EVENTS.effectFailed, outcome: 'error', detail: 'log service down' })
  })

  it('ends a run that outlives its limit as expired', async () => {
    const { run, recorder } = await setup(5_000)
    void recorder.task(labels, () => new Promise(() => {}))
    recorder.markResponseSent()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await run.status()).toBe('expired')
  })
})
