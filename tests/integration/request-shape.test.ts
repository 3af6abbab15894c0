import { describe, expect, it } from 'vitest'
import { MAX_USER_AGENT_LENGTH } from '@/demos/http'
import { baseUrl, eachVersion, timed } from '../support/api'
import { health, settled } from '../support/health'

const cases: Array<{ name: string; path: string; init: RequestInit; field: string; allowed: string }> = [
  { name: 'a body on a demo', path: '/api/demos/after?work=1', init: { method: 'POST', body: '{"work":1}' }, field: 'body', allowed: 'no body' },
  { name: 'a large body on a demo', path: '/api/demos/baseline', init: { method: 'POST', body: 'x'.repeat(1_000_000) }, field: 'body', allowed: 'no body' },
  { name: 'a very long query string', path: `/api/demos/after?work=1&effect=${'0'.repeat(4000)}1`, init: { method: 'POST' }, field: 'query', allowed: 'at most 256 characters' },
  { name: 'a parameter on an event stream', path: '/api/runs/AAAAAAAAAAAA/events?since=0', init: {}, field: 'since', allowed: 'no parameters' },
  { name: 'a parameter on the catalogue', path: '/api/demos?format=xml', init: {}, field: 'format', allowed: 'no parameters' },
  { name: 'an odd encoding of a number', path: '/api/demos/after?work=%EF%BC%91', init: { method: 'POST' }, field: 'work', allowed: '0-2000' },
  { name: 'a percent-encoded key', path: '/api/demos/after?wo%72k=1&w%00rk=1', init: { method: 'POST' }, field: 'w\u0000rk', allowed: 'work, effect' },
]

describe('one request check for every demo endpoint', () => {
  it.each(cases)('refuses $name with 400 naming the field, leaving nothing behind', async ({ path, init, field, allowed }) => {
    // What an earlier file started has settled, so the counters move only for this request.
    const before = await settled(baseUrl())
    const { response, body } = await timed(path, init)
    expect(response.status).toBe(400)
    expect(JSON.parse(body).error).toMatchObject({ code: 'invalid_parameter', field, allowed })
    const after = await health(baseUrl())
    expect(after.runs).toEqual(before.runs)
    expect(after.streams.open).toBe(before.streams.open)
  })

  it('still accepts a bodiless POST, as browsers and curl -X POST send it', async () => {
    expect((await timed('/api/demos/baseline?work=0', { method: 'POST' })).response.status).toBe(200)
    expect((await timed('/api/demos/baseline?work=0', { method: 'POST', headers: { 'content-length': '0' } })).response.status).toBe(200)
  })
})

// Next.js tests every page's User-Agent against a bot pattern whose time grows with the square of its length
// (demos/http/user-agent.ts); the middleware (proxy.ts on 16) refuses a longer one before any render.
eachVersion(() => describe('a User-Agent longer than any browser sends', () => {
  const tooLong = 'a'.repeat(MAX_USER_AGENT_LENGTH + 1)

  it.each(['/notes/failures', '/demos/server-component', '/api/demos/baseline?work=0', '/no-such-page'])('%s: refused with 431 naming the header, leaving nothing behind', async (path) => {
    const before = await settled(baseUrl())
    const { response, body } = await timed(path, { method: path.startsWith('/api/demos/') ? 'POST' : 'GET', headers: { 'user-agent': tooLong } })
    expect(response.status).toBe(431)
    expect(JSON.parse(body).error).toMatchObject({ code: 'header_too_large', field: 'user-agent', allowed: `at most ${MAX_USER_AGENT_LENGTH} characters` })
    const after = await health(baseUrl())
    expect(after.runs).toEqual(before.runs)
    expect(after.streams.open).toBe(before.streams.open)
  })

  it(`one of ${MAX_USER_AGENT_LENGTH} characters is served`, async () => {
    const { response } = await timed('/demos/server-component', { headers: { 'user-agent': 'a'.repeat(MAX_USER_AGENT_LENGTH) } })
    expect(response.status).toBe(200)
  })
}))
