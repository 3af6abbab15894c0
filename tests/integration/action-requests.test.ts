import { describe, expect, it } from 'vitest'
import { baseUrl, runCount } from '../support/api'
import { actionId, callAction } from '../support/surfaces'

const PAGE = '/demos/server-action'
const ACTION = ['app/demos/server-action/actions.ts', 'saveItem'] as const

/** A Server Action call as Next.js's client sends it, with the body and headers given. */
const call = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl()}${PAGE}`, {
    method: 'POST',
    headers: { 'Next-Action': actionId(...ACTION), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', ...headers },
    body,
  })

const cases: Array<{ name: string; body: string; headers?: Record<string, string>; status: number; field: string }> = [
  { name: 'a body that is not JSON', body: '["work=0', status: 400, field: 'body' },
  { name: 'no argument', body: '[]', status: 400, field: 'body' },
  { name: 'two arguments, the second no run reference', body: '["work=0","effect=0"]', status: 400, field: 'body' },
  { name: 'three arguments', body: '["work=0","AAAAAAAAAAAAAAAAAAAAAA","x"]', status: 400, field: 'body' },
  { name: 'an object for the query string', body: '[{"work":0}]', status: 400, field: 'body' },
  { name: 'a React reference for the query string', body: '["$@1"]', status: 400, field: 'body' },
  { name: 'a form post', body: 'x=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, status: 400, field: 'Content-Type' },
  { name: 'a 2 MB body', body: JSON.stringify(['x'.repeat(2 * 1024 * 1024)]), status: 413, field: 'body' },
  { name: 'a foreign Origin with a spoofed X-Forwarded-Host', body: '["work=0&effect=0"]', headers: { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' }, status: 403, field: 'Origin' },
]

describe('Server Action demos refuse what Next.js would answer with a 500, or accept', () => {
  it.each(cases)('$name → $status naming $field, leaving no run', async ({ body, headers, status, field }) => {
    const before = await runCount()
    const response = await call(body, headers)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field)
    expect(await runCount()).toBe(before)
  })

  it('a call from the site’s own origin still runs', async () => {
    const host = new URL(baseUrl()).host
    const { result } = await callAction<{ runId: string }>(PAGE, ...ACTION, ['work=0&effect=0'], { Origin: `http://${host}` })
    expect(result.runId).toMatch(/^[A-Za-z0-9_-]{12}$/)
  })
})
