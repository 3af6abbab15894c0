import { expect } from 'vitest'
import { runCount, timed } from './api'

/** A request the server must refuse, and what the refusal must say. */
export interface Refusal {
  name: string
  method: string
  path: string
  status: number
  /** The field the JSON error names. */
  field?: string
  /** What the JSON error says that field accepts. */
  allowed?: string
  /** The `Allow` header of a 405. */
  allow?: string
  /** A JSON request body, sent as `application/json`. */
  body?: string
}

/**
 * Sends the request and checks the refusal: its status, a JSON error with a
 * message (naming the field and what is allowed when given), the `Allow`
 * header of a 405, no run id, no cookie, and no run left behind.
 */
export async function expectRefused({ method, path, status, field, allowed, allow, body: sent }: Refusal): Promise<void> {
  const before = await runCount()
  const { response, body } = await timed(path, { method, ...(sent === undefined ? {} : { body: sent, headers: { 'Content-Type': 'application/json' } }) })
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(response.headers.get('x-run-id')).toBeNull()
  expect(response.headers.get('set-cookie')).toBeNull()
  const { error } = JSON.parse(body) as { error: { code: string; message: string; field?: string; allowed?: string } }
  expect(error.message.length).toBeGreaterThan(5)
  if (field) expect(error.field).toBe(field)
  if (allowed) expect(error.allowed).toBe(allowed)
  if (allow) expect(response.headers.get('allow')).toBe(allow)
  expect(await runCount()).toBe(before)
}
