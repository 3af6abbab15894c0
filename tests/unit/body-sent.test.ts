import { describe, expect, it } from 'vitest'
import { EVENTS, memoryBackend, RunRecorder, Runs } from '@/demos/engine'
import { withBodySentMarker } from '@/demos/next/body-sent'

async function setup() {
  const clock = () => performance.now()
  const run = (await new Runs(memoryBackend({ maxRuns: 10, maxAgeMs: 600_000, clock })).create('after', {}))!
  const recorder = new RunRecorder(run, { clock, settleMs: 30, maxRunMs: 60_000 })
  const types = async () => (await run.events()).map((event) => event.type)
  return { recorder, types }
}

/** A body of two chunks, the second released by the test. */
function twoChunks() {
  let release = (): void => {}
  const second = new Promise<void>((resolve) => (release = resolve))
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode('first,'))
      await second
      controller.enqueue(encoder.encode('second'))
      controller.close()
    },
  })
  return { body, release }
}

describe('withBodySentMarker', () => {
  it('marks response.body-sent once the last chunk has been read, not before', async () => {
    const { recorder, types } = await setup()
    const { body, release } = twoChunks()
    const response = withBodySentMarker(recorder, new Response(body, { status: 201, headers: { 'X-Run-Id': 'abc' } }))
    expect(response.status).toBe(201)
    expect(response.headers.get('x-run-id')).toBe('abc')

    const reader = response.body!.getReader()
    await reader.read()
    expect(await types()).not.toContain(EVENTS.responseBodySent)
    release()
    let text = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += new TextDecoder().decode(chunk.value)
    expect(text).toBe('second')
    expect(await types()).toEqual([EVENTS.responseBodySent])
  })

  it('leaves a response without a body as it is, and marks nothing', async () => {
    const { recorder, types } = await setup()
    const redirect = Response.redirect('https://example.com/', 307)
    expect(withBodySentMarker(recorder, redirect)).toBe(redirect)
    expect(await types()).toEqual([])
  })

  it('marks nothing when the reader leaves before the end', async () => {
    const { recorder, types } = await setup()
    const { body } = twoChunks()
    const reader = withBodySentMarker(recorder, new Response(body)).body!.getReader()
    await reader.read()
    await reader.cancel()
    expect(await types()).toEqual([])
  })
})
