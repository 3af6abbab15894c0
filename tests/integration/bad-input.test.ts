import { describe, expect, it } from 'vitest'
import { scenarios } from '@/demos/scenarios'
import { runCount, timed } from '../support/api'
import { expectRefused, type Refusal } from '../support/refusal'

const cases: Refusal[] = [
  { name: 'work above its range', method: 'POST', path: '/api/demos/after?work=2001', status: 400, field: 'work', allowed: '0-2000' },
  { name: 'negative effect', method: 'POST', path: '/api/demos/blocking?effect=-5', status: 400, field: 'effect', allowed: '0-10000' },
  { name: 'non-numeric work', method: 'POST', path: '/api/demos/after?work=abc', status: 400, field: 'work', allowed: '0-2000' },
  { name: 'fractional effect', method: 'POST', path: '/api/demos/after?effect=1.5', status: 400, field: 'effect' },
  { name: 'unknown parameter', method: 'POST', path: '/api/demos/after?delay=5', status: 400, field: 'delay', allowed: 'work, effect' },
  { name: 'parameter the scenario lacks', method: 'POST', path: '/api/demos/baseline?effect=5', status: 400, field: 'effect', allowed: 'work' },
  { name: 'repeated parameter', method: 'POST', path: '/api/demos/after?work=1&work=2', status: 400, field: 'work' },
  { name: 'unknown scenario', method: 'POST', path: '/api/demos/sideways', status: 404, field: 'scenario', allowed: Object.keys(scenarios).join(', ') },
  { name: 'malformed run id', method: 'GET', path: '/api/runs/not-an-id/events', status: 400, field: 'runId' },
  { name: 'unknown run id', method: 'GET', path: '/api/runs/AAAAAAAAAAAA/events', status: 404, field: 'runId' },
  { name: 'GET on a demo', method: 'GET', path: '/api/demos/after', status: 405, allow: 'POST' },
  { name: 'PUT on a demo', method: 'PUT', path: '/api/demos/blocking', status: 405, allow: 'POST' },
  { name: 'POST on an event stream', method: 'POST', path: '/api/runs/AAAAAAAAAAAA/events', status: 405, allow: 'GET' },
  { name: 'unknown API path', method: 'GET', path: '/api/nothing-here', status: 404 },
]

describe('bad input gets a clear JSON error and leaves nothing behind', () => {
  it.each(cases)('$name: $method $path → $status', expectRefused)

  it('refuses a malformed Last-Event-ID with 400 naming the header', async () => {
    const { response, body } = await timed('/api/runs/AAAAAAAAAAAA/events', { headers: { 'Last-Event-ID': 'x' } })
    expect(response.status).toBe(400)
    expect(JSON.parse(body).error.field).toBe('Last-Event-ID')
  })

  it('counts a run that was accepted, so the checks above can fail', async () => {
    const before = await runCount()
    await timed('/api/demos/baseline?work=0', { method: 'POST' })
    expect(await runCount()).toBe(before + 1)
  })
})
