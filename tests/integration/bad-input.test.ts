import { describe, expect, it } from 'vitest'
import { scenarios } from '@/demos/scenarios'
import { baseUrl, readEvents, runCount, timed } from '../support/api'
import { settled } from '../support/health'
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
  { name: 'GET on an unknown scenario', method: 'GET', path: '/api/demos/nope', status: 404, field: 'scenario', allowed: Object.keys(scenarios).join(', ') },
  { name: 'DELETE on an unknown scenario', method: 'DELETE', path: '/api/demos/nope', status: 404, field: 'scenario' },
  { name: 'malformed run id', method: 'GET', path: '/api/runs/not-an-id/events', status: 400, field: 'runId' },
  { name: 'unknown run id', method: 'GET', path: '/api/runs/AAAAAAAAAAAA/events', status: 404, field: 'runId' },
  { name: 'GET on a demo', method: 'GET', path: '/api/demos/after', status: 405, allow: 'POST' },
  { name: 'PUT on a demo', method: 'PUT', path: '/api/demos/blocking', status: 405, allow: 'POST' },
  { name: 'POST on an event stream', method: 'POST', path: '/api/runs/AAAAAAAAAAAA/events', status: 405, allow: 'GET, HEAD' },
  { name: 'PUT on the health check', method: 'PUT', path: '/api/health', status: 405, allow: 'GET, HEAD' },
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

describe('HEAD goes wherever GET does', () => {
  const health = async () => JSON.parse((await timed('/api/health')).body) as { streams: { open: number } }

  it.each(['/api/health', '/api/demos', '/api/static-record', '/api/runs?ref=AAAAAAAAAAAAAAAAAAAAAA', '/api/runs?x=1'])(
    'HEAD %s answers what GET answers, without a body',
    async (path) => {
      const get = await timed(path)
      const head = await timed(path, { method: 'HEAD' })
      expect(head.response.status).toBe(get.response.status)
      expect(head.response.status).not.toBe(405)
      expect(head.response.headers.get('content-type')).toBe(get.response.headers.get('content-type'))
      expect(head.body).toBe('')
    },
  )

  it('HEAD on a run\'s event stream answers its headers and opens no stream', async () => {
    // Streams an earlier file left have closed: any open after the HEAD is its own.
    await settled(baseUrl())
    // A run still going: a stream opened for it would stay open until its callback ends.
    const { response } = await timed('/api/demos/after?work=0&effect=1500', { method: 'POST' })
    const runId = response.headers.get('x-run-id')!
    const head = await timed(`/api/runs/${runId}/events`, { method: 'HEAD' })
    expect(head.response.status).toBe(200)
    expect(head.response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(head.body).toBe('')
    expect((await health()).streams.open).toBe(0)
    expect((await readEvents(runId)).end).toBe('complete')
    expect((await timed('/api/runs/AAAAAAAAAAAA/events', { method: 'HEAD' })).response.status).toBe(404)
  })
})
