import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EVENTS, LANES, memoryBackend, runEventStream, Runs } from '@/demos/engine'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

// The store carries any event; these differ only by label, which the assertions read.
const event = (label: string) => ({ type: EVENTS.effectLogged, label, lane: LANES.sideEffect, phase: 'instant' as const })

async function newRun() {
  return (await new Runs(memoryBackend({ maxRuns: 10, maxAgeMs: 600_000, clock: () => Date.now() })).create('after', {}))!
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = ''
  const decoder = new TextDecoder()
  for await (const chunk of stream) text += decoder.decode(chunk)
  return text
}

describe('runEventStream', () => {
  it('replays, streams live events, ends with the end marker and releases its slot once', async () => {
    const run = await newRun()
    run.append(event('first'), 1)
    const onClose = vi.fn()
    const stream = runEventStream(run, { heartbeatMs: 1000, maxLifetimeMs: 60_000, onClose })
    const text = readAll(stream)
    run.append(event('second'), 2)
    await vi.advanceTimersByTimeAsync(1000)
    run.end('complete')
    const body = await text
    expect(body).toMatch(/^retry: 2000\n\n/)
    expect(body.match(/^id: \d+$/gm)).toEqual(['id: 0', 'id: 1'])
    expect(body).toContain(': heartbeat\n\n')
    expect(body.trimEnd().endsWith('event: end\ndata: {"status":"complete"}')).toBe(true)
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('closes at its maximum lifetime while the run goes on', async () => {
    const run = await newRun()
    const onClose = vi.fn()
    const text = readAll(runEventStream(run, { heartbeatMs: 1000, maxLifetimeMs: 5000, onClose }))
    await vi.advanceTimersByTimeAsync(5000)
    expect(await text).toContain('"status":"stream-lifetime"')
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('releases timers and its listener when the client goes away', async () => {
    const run = await newRun()
    const onClose = vi.fn()
    const client = new AbortController()
    const stream = runEventStream(run, { heartbeatMs: 1000, maxLifetimeMs: 60_000, signal: client.signal, onClose })
    const reader = stream.getReader()
    await reader.read()
    client.abort()
    await reader.cancel()
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)
    run.append(event('after-leave'), 1) // must not throw on a closed stream
  })
})
