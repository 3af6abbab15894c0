import { describe, expect, it, vi } from 'vitest'
import { caughtErrorResponse, DemoError, invalidParameter } from '@/demos/admission'
import { StoreUnavailableError } from '@/demos/engine'

describe('caughtErrorResponse', () => {
  it('answers a DemoError with its status, headers and JSON body', async () => {
    const response = caughtErrorResponse(new DemoError(503, 'busy', 'Retry in 5 s.', {}, { 'Retry-After': '5' }))
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ error: { code: 'busy', message: 'Retry in 5 s.' } })
  })

  it('answers a DemoError thrown by another copy of the module (middleware and app are bundled apart)', async () => {
    vi.resetModules()
    const other = await import('@/demos/admission')
    expect(other.DemoError).not.toBe(DemoError)
    const response = caughtErrorResponse(new other.DemoError(429, 'rate_limited', 'Retry in 1 s.', {}, { 'Retry-After': '1' }))
    expect(response.status).toBe(429)
    expect(() => caughtErrorResponse(new Error('a bug'))).toThrow('a bug')
  })

  it('names the field and what it allows', async () => {
    const response = caughtErrorResponse(invalidParameter('work', 'work must be a whole number.', '0 to 2000'))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'invalid_parameter', message: 'work must be a whole number.', field: 'work', allowed: '0 to 2000' },
    })
  })

  it('answers an unreachable run store with a 503 that names the cause and when to retry', async () => {
    const response = caughtErrorResponse(new StoreUnavailableError('The run store (Redis at 127.0.0.1:6379) is unreachable: connect ECONNREFUSED.'))
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('2')
    expect(await response.json()).toEqual({
      error: { code: 'store_unavailable', message: 'The run store (Redis at 127.0.0.1:6379) is unreachable: connect ECONNREFUSED. Retry in 2 s.' },
    })
  })

  it('throws any other error on unchanged: a bug is not a visitor error', () => {
    const bug = new TypeError('undefined is not a function')
    expect(() => caughtErrorResponse(bug)).toThrow(bug)
    expect(() => caughtErrorResponse('a string')).toThrow('a string')
  })
})
