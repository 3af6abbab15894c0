import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { eachVersion } from '../support/api'
import { fixtureBuilds, records, serveFixture, type FixtureVersion as Version } from '../support/fixture-app'
import { waitFor } from '../support/health'
import type { RunningServer } from '../support/server'
import { actionId } from '../support/surfaces'

/**
 * Issue 16's Next.js 16 topics that the site's own demos do not cover, against
 * two fixture apps under tests/fixtures: `after-upstream` (both versions: a
 * Server Action's redirect() and the caching APIs inside an after() callback;
 * the build next-upstream.test.ts serves too, made once for both files) and
 * `after-cache-components` (16 only: `cacheComponents: true`). Every build
 * starts at once, from the top of the file.
 */
const fixtures = fixtureBuilds()
const built = fixtures.build
const hasNext16 = inject('versions').some(({ name }) => name === '16')
beforeAll(() => {
  for (const { name } of inject('versions')) void built('after-upstream', name)
  if (hasNext16) void built('after-cache-components', '16')
})
afterAll(() => fixtures.report())

const BUILD_TIMEOUT = 300_000
let ids = 0
const newId = () => `id-${Date.now()}-${++ids}`

/** The built fixture served by a next start of the describe block's own (serveFixture), for its tests. */
function served(name: string, version: Version, readyPath: string) {
  const app = { server: undefined as unknown as RunningServer, dir: '' }
  beforeAll(async () => {
    const build = await built(name, version)
    app.dir = build.dir
    app.server = await serveFixture(build, {}, readyPath)
  }, BUILD_TIMEOUT)
  afterAll(() => app.server?.stop())
  return app
}

eachVersion(({ name: version }) => {
  describe('Server Actions and caching APIs in after() (fixture after-upstream)', () => {
    const app = served('after-upstream', version, '/stock?key=ready')
    const url = (pathAndQuery: string) => `${app.server.url}${pathAndQuery}`

    /** Calls a Server Action of the fixture as Next.js's client does. */
    const callAction = (page: string, file: string, exportedName: string, args: unknown[]) =>
      fetch(url(page), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Next-Action': actionId(file, exportedName, app.dir), Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(args),
      })
    /** What the cache call in request `id`'s after() callback gave, once it has run. */
    const outcomeOf = async (id: string) => {
      const response = await waitFor(() => fetch(url(`/outcome?id=${id}`)), (answer) => answer.ok, 30_000)
      if (!response.ok) throw new Error(`no outcome for ${id}:\n${app.server.output().slice(-3000)}`)
      return (await response.json()) as { ok: true } | { error: string }
    }
    /** The count the data cache serves for `key`. */
    const cached = async (key: string) => ((await (await fetch(url(`/stock?key=${key}`))).json()) as { count: number }).count

    it(`redirect() after after(): the client gets ${version === '16' ? '200' : '303'} with x-action-redirect, and the callback runs`, async () => {
      const id = newId()
      const response = await callAction('/redirect', 'app/redirect/actions.js', 'saveAndRedirect', [id])
      // 16 answers the redirect target's payload with 200 (vercel/next.js#96310); 15.5 with 303 See Other.
      expect(response.status).toBe(version === '16' ? 200 : 303)
      expect(response.headers.get('x-action-redirect')).toBe('/redirect/done;push')
      expect(response.headers.get('location')).toBeNull()
      await response.text()
      expect(await outcomeOf(id)).toEqual({ ok: true })
    })

    it('redirect() after after(), from a form posted without JavaScript: 303 with Location on both, and the callback runs', async () => {
      const id = newId()
      const form = new FormData()
      form.append(`$ACTION_ID_${actionId('app/redirect/actions.js', 'saveFormAndRedirect', app.dir)}`, '')
      form.append('id', id)
      const response = await fetch(url('/redirect'), { method: 'POST', redirect: 'manual', body: form })
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe('/redirect/done')
      await response.text()
      expect(await outcomeOf(id)).toEqual({ ok: true })
    })

    /** What each call does inside an after() callback: its outcome, then what the next request and the one after it read. */
    const ok = { ok: true } as const
    const fresh = { next: 'fresh', later: 'fresh' }
    const unchanged = { next: 'stale', later: 'stale' }
    const staleThenFresh = { next: 'stale', later: 'fresh' }
    const serverActionOnly = (api: string, extra = '') => ({ error: `${api} can only be called from within a Server Action. ${extra}` })
    const missing = (api: string) => ({ error: `next/cache has no ${api}` })
    const expected: Record<Version, Record<'route' | 'action', Record<string, [{ ok: true } | { error: string }, { next: string; later: string }]>>> = {
      '15.5': {
        route: {
          revalidateTag: [ok, fresh],
          // 15.5's revalidateTag takes one argument and ignores a second.
          'revalidateTag-max': [ok, fresh],
          'revalidateTag-expire': [ok, fresh],
          updateTag: [missing('updateTag'), unchanged],
          refresh: [missing('refresh'), unchanged],
        },
        action: {
          revalidateTag: [ok, fresh],
          'revalidateTag-max': [ok, fresh],
          'revalidateTag-expire': [ok, fresh],
          updateTag: [missing('updateTag'), unchanged],
          refresh: [missing('refresh'), unchanged],
        },
      },
      '16': {
        route: {
          // Deprecated (a warning in the server's log), and still expires the tag at once.
          revalidateTag: [ok, fresh],
          // Stale-while-revalidate: the next read is served the old value and refreshes it in the background.
          'revalidateTag-max': [ok, staleThenFresh],
          'revalidateTag-expire': [ok, fresh],
          updateTag: [serverActionOnly('updateTag', 'To invalidate cache tags in Route Handlers or other contexts, use revalidateTag instead.'), unchanged],
          refresh: [serverActionOnly('refresh'), unchanged],
        },
        action: {
          revalidateTag: [ok, fresh],
          'revalidateTag-max': [ok, staleThenFresh],
          'revalidateTag-expire': [ok, fresh],
          // Works in the callback of a Server Action, though its response (which updateTag exists to refresh) has gone.
          updateTag: [ok, fresh],
          // The callback runs past the action's phase: refresh() refuses, as it does in a Route Handler.
          refresh: [serverActionOnly('refresh'), unchanged],
        },
      },
    }

    describe.each([
      ['Route Handler', 'route'],
      ['Server Action', 'action'],
    ] as const)('called in an after() callback of a %s', (_surface, surface) => {
      it.each(Object.entries(expected[version][surface]))('%s', async (api, [outcome, reads]) => {
        const key = newId()
        const before = await cached(key)
        // Next.js compares the tag's mark with the entry's time in whole milliseconds, stale only when strictly later:
        // let the clock pass the millisecond the entry was cached in before the sale.
        const cachedBy = Date.now()
        while (Date.now() <= cachedBy) await new Promise((resolve) => setImmediate(resolve))
        const id = newId()
        const sold =
          surface === 'route'
            ? await fetch(url(`/sell?key=${key}&api=${api}&id=${id}`), { method: 'POST' })
            : await callAction('/action', 'app/action/actions.js', 'sell', [api, key, id])
        expect(sold.status).toBe(200)
        await sold.text()
        const found = await outcomeOf(id)
        expect(found).toEqual('error' in outcome ? { error: expect.stringContaining(outcome.error) } : outcome)

        // Next.js marks the tag once the request's last callback has returned, in memory, in the microtasks that
        // follow it: done before the server reads the next request, /outcome's included.
        const read = (count: number) => (count === before + 1 ? 'fresh' : count === before ? 'stale' : `unexpected ${count}`)
        const next = read(await cached(key))
        // A background revalidation has no end to wait for but its result: read until fresh.
        const later = reads.later === 'fresh' ? read(await waitFor(() => cached(key), (count) => count === before + 1, 30_000)) : read(await cached(key))
        expect({ next, later }).toEqual(reads)
        if (version === '16' && api === 'revalidateTag') expect(app.server.output()).toContain('"revalidateTag" without the second argument is now deprecated')
      })
    })
  })
})

describe.runIf(hasNext16)('Cache Components on Next.js 16 (fixture after-cache-components, cacheComponents: true)', () => {
  const app = served('after-cache-components', '16', '/shell')
  const get = (pathname: string, id: string) => fetch(`${app.server.url}${pathname}`, { headers: { 'x-id': id } })
  /** The records `source` wrote, at build and since the server started. */
  const recorded = async (source: string) => ({
    atBuild: records((await built('after-cache-components', '16')).output).filter((entry) => entry.source === source),
    atRequest: records(app.server.output()).filter((entry) => entry.source === source),
  })
  /** The record `source` wrote for request `id`, once it has. */
  const recordOf = async (source: string, key: 'id' | 'key', id: string) => {
    const found = await waitFor(
      async () => records(app.server.output()).find((entry) => entry.source === source && entry[key] === id),
      Boolean,
      30_000,
    )
    if (!found) throw new Error(`no record from ${source} (${id}):\n${app.server.output().slice(-3000)}`)
    return found
  }

  it('after() in the Suspense boundary that reads the request: the callback runs per request, none at build', async () => {
    const id = newId()
    const response = await get('/suspense', id)
    expect(response.status).toBe(200)
    await response.text()
    expect(await recordOf('cc/suspense', 'id', id)).toEqual({ source: 'cc/suspense', id, phase: null })
    expect((await recorded('cc/suspense')).atBuild).toEqual([])
  })

  it("after() in a 'use cache' function: registers without error; the callback runs when the function runs (at build for a key known then, at request on a miss), never on a hit", async () => {
    const id = newId()
    for (let i = 0; i < 2; i++) {
      const response = await get('/cached', id)
      expect(response.status).toBe(200)
      // The outcome of after() inside the cached function, shown by the page for both keys.
      expect((await response.text()).match(/\{&quot;ok&quot;:true,&quot;value&quot;:null\}/g)).toHaveLength(2)
    }
    expect(await recordOf('cc/cached/callback', 'key', id)).toEqual({ source: 'cc/cached/callback', key: id, phase: null })
    // A dynamic request after the rest: once its callback has run, any callback of the requests before it has too.
    const last = newId()
    await (await get('/suspense', last)).text()
    await recordOf('cc/suspense', 'id', last)
    const { atBuild, atRequest } = await recorded('cc/cached/callback')
    expect(atBuild).toEqual([{ source: 'cc/cached/callback', key: 'build', phase: 'phase-production-build' }])
    // The second request hit the cache: the function, and so its after(), ran once for this key.
    expect(atRequest.filter((entry) => entry.key === id)).toHaveLength(1)
    expect(atRequest.filter((entry) => entry.key === 'build')).toEqual([])
  })

  it('after() in the prerendered shell: the callback runs at build (16.4.6 prerenders the page twice), never per request', async () => {
    for (let i = 0; i < 2; i++) expect((await get('/shell', newId())).status).toBe(200)
    const last = newId()
    await (await get('/suspense', last)).text()
    await recordOf('cc/suspense', 'id', last)
    const { atBuild, atRequest } = await recorded('cc/shell')
    expect(atBuild).toEqual([
      { source: 'cc/shell', phase: 'phase-production-build' },
      { source: 'cc/shell', phase: 'phase-production-build' },
    ])
    expect(atRequest).toEqual([])
  })
})
