import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogueResponse } from '@/demos/http'
import { scenarios } from '@/demos/scenarios'
import { NEXT16_BASE, nextVersion } from '@/demos/versions'

const get = (query = '') => catalogueResponse(new Request(`http://localhost/api/demos${query}`))

/** A stand-in for the Next.js 16 demo server: answers its catalogue with its own version. */
let peer: Server
let peerUrl = ''
const peerVersion = { next: '16.0.0-test', node: process.version, base: NEXT16_BASE }
beforeAll(async () => {
  peer = createServer((request, response) => {
    if (request.url !== `${NEXT16_BASE}/api/demos`) return void response.writeHead(404).end()
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ versions: [peerVersion] }))
  })
  await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve))
  peerUrl = `http://127.0.0.1:${(peer.address() as { port: number }).port}`
})
afterAll(() => new Promise<void>((resolve) => peer.close(() => resolve())))

describe('GET /api/demos', () => {
  it('lists every scenario with its endpoint and parameter ranges', async () => {
    const response = await get()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const { scenarios: listed } = (await response.json()) as { scenarios: Array<{ name: string; endpoint: string; params: object }> }
    expect(listed.map((entry) => entry.name)).toEqual(Object.keys(scenarios))
    const after = listed.find((entry) => entry.name === 'after')!
    expect(after.endpoint).toBe('POST /api/demos/after')
    expect(Object.keys(after.params)).toEqual(Object.keys(scenarios.after.params))
  })

  it('answers every request with the same list, each in a body of its own', async () => {
    const [first, second] = await Promise.all([get(), get()])
    expect(await first.text()).toBe(await second.text())
  })

  it('refuses a query parameter with a 400 naming it', async () => {
    const response = await get('?work=1')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('work')
  })

  // The unreachable case first: the version asked of a server that answered is kept for the process's life.
  it('lists its own version alone, and is not kept, while the Next.js 16 server does not answer', async () => {
    process.env.AFTER_GUIDE_NEXT16_URL = 'http://127.0.0.1:9'
    const response = await get()
    expect(((await response.json()) as { versions: unknown[] }).versions).toEqual([{ next: nextVersion, node: process.version, base: '' }])
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('lists the Next.js 16 server’s version, as that server reports it, under its path prefix', async () => {
    process.env.AFTER_GUIDE_NEXT16_URL = peerUrl
    const response = await get()
    expect(((await response.json()) as { versions: unknown[] }).versions).toEqual([{ next: nextVersion, node: process.version, base: '' }, peerVersion])
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
  })
})
