import { describe, expect, it } from 'vitest'
import { baseUrl, post, timed } from '../support/api'

const responses: Array<[string, () => Promise<Response>]> = [
  ['the rule page', async () => (await timed('/')).response],
  ['a missing page', async () => (await timed('/no-such-page')).response],
  ['a static asset', async () => (await timed('/favicon.ico')).response],
  ['the catalogue', async () => (await timed('/api/demos')).response],
  ['health', async () => (await timed('/api/health')).response],
  ['a run', async () => (await post('/api/demos/baseline?work=0')).response],
  ['a 400', async () => (await post('/api/demos/after?work=x')).response],
  ['a 404 scenario', async () => (await post('/api/demos/nope')).response],
  ['a 405 from the middleware', async () => (await timed('/api/demos/after')).response],
  ['an unknown API path', async () => (await timed('/api/nothing')).response],
  [
    'an event stream',
    async () => {
      const runId = (await post('/api/demos/baseline?work=0')).response.headers.get('x-run-id')
      const response = await fetch(`${baseUrl()}/api/runs/${runId}/events`)
      await response.text()
      return response
    },
  ],
]

describe('security headers on every response', () => {
  it.each(responses)('%s', async (_name, get) => {
    const response = await get()
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/\*|https?:/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/)
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })
})
