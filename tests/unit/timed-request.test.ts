import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { refusal } from '@/demos/client/run-error'
import { timedRequest } from '@/demos/client/timed-request'

// A local server stands in for the demo server: the request code runs as in the browser, on real sockets.
let server: Server
let base: string
/** Called when a client hangs up on `/held-body` before its end. */
let onHangUp = () => {}
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/held-body') {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.write('first chunk')
      response.on('close', () => onHangUp())
      return
    }
    if (request.url === '/slow-body') {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.write('first chunk')
      setTimeout(() => response.end('second chunk'), 1000)
      return
    }
    if (request.url === '/held-body') {
      // The rest never comes: this body ends only when the client hangs up.
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.write('first chunk')
      return
    }
    response.writeHead(400, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ error: { code: 'bad_param', message: 'work must be from 0 to 2000.', field: 'work' } }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      // Idle kept-alive sockets (and a held body) would otherwise keep close() waiting for their timeouts.
      server.closeAllConnections()
    }),
)

describe('timedRequest', () => {
  it('reads the whole body and times first and last byte on one clock', async () => {
    const { response, text, timing } = await timedRequest(`${base}/slow-body`, {}, {}, 'unreachable')
    expect(response.status).toBe(200)
    expect(text).toBe('first chunksecond chunk')
    expect(timing.lastByte - timing.firstByte).toBeGreaterThanOrEqual(250)
    expect(timing.stopped).toBeUndefined()
  })

  it('a stop mid-body ends the timing there, keeps what arrived, and hangs up', async () => {
    const stop = new AbortController()
    const hungUp = new Promise<void>((resolve) => (onHangUp = resolve))
    // The visitor presses Stop once the first chunk has reached the reader; the rest of the body never comes.
    const send = globalThis.fetch
    vi.stubGlobal('fetch', async (...args: Parameters<typeof fetch>) => {
      const response = await send(...args)
      const reader = response.body!.getReader()
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { value, done } = await reader.read()
          if (done) return controller.close()
          controller.enqueue(value)
          stop.abort()
        },
      })
      return new Response(body, { status: response.status, headers: response.headers })
    })
    try {
      const { text, timing } = await timedRequest(`${base}/held-body`, {}, { stop: stop.signal }, 'unreachable')
      expect(timing.stopped).toBe(true)
      expect(text).toBe('first chunk')
      expect(timing.lastByte).toBeGreaterThanOrEqual(timing.firstByte)
      await hungUp
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('a server that cannot be reached gives the message meant for the visitor', async () => {
    await expect(timedRequest('http://127.0.0.1:1/', {}, {}, 'The demo server could not be reached.')).rejects.toThrow(
      'The demo server could not be reached.',
    )
  })

  it('the visitor aborting passes the abort through, not a message', async () => {
    const signal = AbortSignal.abort()
    await expect(timedRequest(`${base}/slow-body`, {}, { signal }, 'unreachable')).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('refusal', () => {
  it("carries the server's JSON message, status and field", async () => {
    const { response, text } = await timedRequest(`${base}/refused`, {}, {}, 'unreachable')
    expect(refusal(response, text)).toMatchObject({ message: 'work must be from 0 to 2000.', status: 400, field: 'work' })
  })

  it('falls back to the status when the body is not the JSON error', () => {
    const response = new Response('<html>oops</html>', { status: 502 })
    expect(refusal(response, '<html>oops</html>').message).toBe('The server answered 502.')
    expect(refusal(response, '', 'The page answered 502.').message).toBe('The page answered 502.')
  })
})
