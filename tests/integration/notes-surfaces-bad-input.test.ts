import { describe, it } from 'vitest'
import { expectRefused, type Refusal } from '../support/refusal'
import { eachVersion } from '../support/api'

const cases: Refusal[] = [
  { name: 'page: non-numeric work', method: 'GET', path: '/demos/server-component?work=abc', status: 400, field: 'work', allowed: '0-2000' },
  { name: 'page: effect too large', method: 'GET', path: '/demos/request-context-page?effect=10001', status: 400, field: 'effect', allowed: '0-10000' },
  { name: 'page: unknown parameter', method: 'GET', path: '/demos/server-component?limit=5', status: 400, field: 'limit', allowed: 'work, effect' },
  { name: 'generateMetadata demo: effect too large', method: 'GET', path: '/demos/metadata?effect=10001', status: 400, field: 'effect', allowed: '0-10000' },
  { name: 'layout demo: unknown parameter', method: 'GET', path: '/demos/layout?stream=5', status: 400, field: 'stream', allowed: 'work, effect' },
  { name: 'failing page: stream where nothing streams', method: 'GET', path: '/demos/render-fails/throw?stream=500', status: 400, field: 'stream', allowed: 'work, effect' },
  { name: 'failing page: stream too long', method: 'GET', path: '/demos/render-fails/abort?stream=10001', status: 400, field: 'stream', allowed: '250-10000' },
  { name: 'middleware demo: repeated parameter', method: 'GET', path: '/demos/middleware?work=1&work=2', status: 400, field: 'work' },
  { name: 'long callback: effect above 20 s', method: 'POST', path: '/api/demos/long-callback?effect=20001', status: 400, field: 'effect', allowed: '0-20000' },
  { name: 'long callback: limit below 1 s', method: 'POST', path: '/api/demos/long-callback?limit=999', status: 400, field: 'limit', allowed: '1000-60000' },
  { name: 'long callback: fractional limit', method: 'POST', path: '/api/demos/long-callback?limit=1500.5', status: 400, field: 'limit' },
  { name: 'request context: unknown parameter', method: 'POST', path: '/api/demos/request-context?limit=5', status: 400, field: 'limit', allowed: 'work, effect' },
  { name: 'demo cookie: any parameter', method: 'POST', path: '/api/demo-cookie?value=x', status: 400, field: 'value', allowed: 'no parameters' },
  { name: 'demo cookie: a JSON body', method: 'POST', path: '/api/demo-cookie', body: '{"value":"x"}', status: 400, field: 'body', allowed: 'no body' },
  { name: 'static record: any parameter', method: 'GET', path: '/api/static-record?x=1', status: 400, field: 'x', allowed: 'no parameters' },
  { name: 'health: any parameter', method: 'GET', path: '/api/health?x=1', status: 400, field: 'x', allowed: 'no parameters' },
  { name: 'demo cookie: GET', method: 'GET', path: '/api/demo-cookie', status: 405, allow: 'POST' },
  { name: 'static record: POST', method: 'POST', path: '/api/static-record', status: 405, allow: 'GET, HEAD' },
  { name: 'Pages API route: a JSON body', method: 'POST', path: '/api/pages-router-after', body: '{"a":1}', status: 413, field: 'body', allowed: 'no body' },
  { name: 'Pages API route: GET', method: 'GET', path: '/api/pages-router-after', status: 405, allow: 'POST' },
]

eachVersion(() => describe('the new demo endpoints refuse bad input with a JSON error and leave no run behind', () => {
  it.each(cases)('$name: $method $path → $status', expectRefused)
}))
