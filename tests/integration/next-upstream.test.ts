import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { eachVersion } from '../support/api'
import { fixtureBuilds, nextDev, records, serveFixture } from '../support/fixture-app'
import { waitFor } from '../support/health'
import { freePort, type RunningServer } from '../support/server'

/**
 * The behaviours Next.js's own after() tests pin (test/e2e/app-dir/next-after-*), checked on each version the site
 * serves against three fixture apps under tests/fixtures: `after-upstream` (builds; served by next start),
 * `after-pages-router` (fails to compile) and `after-throws-in-static-params` (fails collecting page data). Every
 * build of every version starts at once, from the top of the file; after-upstream's is made once for this file and
 * next16-topics.test.ts (and next-fixtures.test.ts on 15.5), each serving it with a next start of its own.
 */
const fixtures = fixtureBuilds()
const built = fixtures.build
const FIXTURES = ['after-upstream', 'after-pages-router', 'after-throws-in-static-params']
beforeAll(() => {
  for (const { name } of inject('versions')) for (const fixture of FIXTURES) void built(fixture, name)
})
afterAll(() => fixtures.report())

const BUILD_TIMEOUT = 300_000
let ids = 0
const newId = () => `id-${Date.now()}-${++ids}`

eachVersion(({ name: version }) => {
  describe('build results', () => {
    it('after() in a Pages Router page, getServerSideProps, getStaticProps, or a "use client" module fails to compile', async () => {
      const { code, output } = await built('after-pages-router', version)
      expect(code).not.toBe(0)
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '')
      const pagesMessage =
        version === '16'
          ? 'You\'re importing a module that depends on "after". This API is only available in Server Components in the App Router, but you are using it in the Pages Router.'
          : 'You\'re importing a component that needs "after". That only works in a Server Component which is not supported in the pages/ directory.'
      const clientMessage =
        version === '16'
          ? 'You\'re importing a module that depends on "after" into a React Client Component module.'
          : 'You\'re importing a component that needs "after". That only works in a Server Component but one of its parents is marked with "use client", so it\'s a Client Component.'
      expect(plain.split(pagesMessage).length - 1).toBeGreaterThanOrEqual(3)
      for (const file of ['pages/in-page.js', 'pages/in-gssp.js', 'pages/gsp/[id].js', 'app/client/uses-after.js']) expect(plain).toContain(file)
      expect(plain).toContain(clientMessage)
    }, BUILD_TIMEOUT)

    it('a throwing callback registered in generateStaticParams fails next build', async () => {
      const { code, output } = await built('after-throws-in-static-params', version)
      expect(code).not.toBe(0)
      expect(output).toContain('An error occurred in a function passed to `after()`: Error: after-guide: this callback throws in generateStaticParams')
      expect(output).toContain('Failed to collect page data for /[p]')
    }, BUILD_TIMEOUT)

    it('prerendered routes run their callbacks at build: force-static Route Handler (request APIs read an empty request), dynamic = "error", generateStaticParams', async () => {
      const { code, output } = await built('after-upstream', version)
      expect(code, output).toBe(0)
      const atBuild = records(output)
      const build = 'phase-production-build'
      expect(atBuild).toContainEqual({
        source: 'static/route',
        phase: build,
        headers: { ok: true, value: 0 },
        cookies: { ok: true, value: 0 },
        connection: { ok: true, value: null },
      })
      expect(atBuild).toContainEqual({ source: 'static/dynamic-error', phase: build })
      expect(atBuild).toContainEqual({ source: 'static/params/generateStaticParams', phase: build })
      expect(atBuild).toContainEqual({ source: 'static/params/page', p: 'one', phase: build })
      expect(atBuild).toContainEqual({ source: 'static/params/page', p: 'two', phase: build })
    }, BUILD_TIMEOUT)
  })

  describe('next start of the fixture app', () => {
    let server: RunningServer
    beforeAll(async () => {
      server = await serveFixture(await built('after-upstream', version), {}, '/interrupted/target')
    }, BUILD_TIMEOUT)
    afterAll(() => server?.stop())

    const get = (pathname: string, id: string, init: RequestInit = {}) =>
      fetch(`${server.url}${pathname}`, { redirect: 'manual', ...init, headers: { 'x-id': id, ...init.headers } })
    /** The record `source` wrote for the request `id`, once it has. */
    async function recordOf(source: string, id?: string) {
      const find = async () => records(server.output()).find((entry) => entry.source === source && (id === undefined || entry.id === id))
      const found = await waitFor(find, Boolean, 30_000)
      if (!found) throw new Error(`no record from ${source} (${id}):\n${server.output().slice(-3000)}`)
      return found
    }

    it('prerendered routes run no callback per request', async () => {
      for (const pathname of ['/static/route', '/static/dynamic-error', '/static/params/one']) expect((await get(pathname, newId())).status).toBe(200)
      // A dynamic request served after them: once its callback has run, theirs would have too.
      const id = newId()
      await (await get('/surfaces/metadata', id)).text()
      await recordOf('surfaces/metadata', id)
      expect(records(server.output()).filter((entry) => String(entry.source).startsWith('static/'))).toEqual([])
    })

    it('Server Component: connection(), draftMode().enable() and .disable() throw in the callback; draftMode().isEnabled reads', async () => {
      const id = newId()
      expect((await get('/request-apis', id)).status).toBe(200)
      const found = await recordOf('request-apis/page', id)
      expect(found.isEnabled).toEqual({ ok: true, value: false })
      expect(found.connection).toEqual({ error: expect.stringContaining(version === '16' ? 'Route /request-apis used `connection()` inside `after()` while rendering.' : 'Route /request-apis used "connection" inside "after(...)".') })
      expect(found.enable).toEqual({ error: expect.stringContaining('Route /request-apis used "draftMode().enable()" inside `after') })
      expect(found.disable).toEqual({ error: expect.stringContaining('Route /request-apis used "draftMode().disable()" inside `after') })
    })

    it('Route Handler: connection() works in the callback; draftMode().enable() and .disable() throw, isEnabled reads', async () => {
      const id = newId()
      expect((await get('/request-apis-route', id)).status).toBe(200)
      const found = await recordOf('request-apis/route', id)
      expect(found.connection).toEqual({ ok: true, value: null })
      expect(found.isEnabled).toEqual({ ok: true, value: false })
      expect(found.enable).toEqual({ error: expect.stringContaining('Route /request-apis-route used "draftMode().enable()" inside `after') })
      expect(found.disable).toEqual({ error: expect.stringContaining('Route /request-apis-route used "draftMode().disable()" inside `after') })
    })

    it.each([
      ['Server Component', '/promise-after-close', 'promise-after-close/page'],
      ['Route Handler', '/promise-after-close-route', 'promise-after-close/route'],
    ])('%s: headers() called from a promise passed to after(), once the response has closed', async (_surface, pathname, source) => {
      const id = newId()
      const response = await get(pathname, id)
      expect(response.status).toBe(200)
      await response.text()
      await fetch(`${server.url}/release?id=${id}`)
      const found = await recordOf(source, id)
      if (source.endsWith('route')) expect(found.headers).toEqual({ ok: true, value: id })
      // 16 marks the render's request store as past its response once the response closes, whatever after() was given.
      else if (version === '16') expect(found.headers).toEqual({ error: expect.stringContaining(`Route ${pathname} used \`headers()\` inside \`after()\` while rendering.`) })
      else expect(found.headers).toEqual({ ok: true, value: id })
    })

    it('a rejected promise passed to after() is logged as "A promise passed to `after()` rejected"; the response is 200', async () => {
      const id = newId()
      expect((await get('/promise-rejects', id)).status).toBe(200)
      const logged = await waitFor(async () => server.output(), (output) => output.includes(`after-guide: promise rejected ${id}`), 30_000)
      expect(logged).toMatch(new RegExp(`A promise passed to \`after\\(\\)\` rejected: .*Error: after-guide: promise rejected ${id}`))
    })

    it('generateMetadata and a layout schedule callbacks that run for the request', async () => {
      const id = newId()
      const response = await get('/surfaces/metadata', id)
      expect(await response.text()).toContain('<title>after() in generateMetadata</title>')
      await recordOf('surfaces/metadata', id)
      await recordOf('surfaces/layout', id)
    })

    it.each([
      ['redirect()', '/interrupted/redirect', 307, 'interrupted/redirect'],
      ['notFound()', '/interrupted/not-found', 404, 'interrupted/not-found'],
      ['a thrown error', '/interrupted/throws', 500, 'interrupted/throws'],
    ])('a page render that calls %s still runs the callback registered before', async (_what, pathname, status, source) => {
      const id = newId()
      const response = await get(pathname, id)
      expect(response.status).toBe(status)
      await response.text()
      await recordOf(source, id)
    })

    it('a page whose client leaves before it finishes streaming still runs the callback registered before', async () => {
      const id = newId()
      const controller = new AbortController()
      const response = await get('/interrupted/stream', id, { signal: controller.signal })
      expect(response.status).toBe(200)
      const reader = response.body!.getReader()
      const decoder = new TextDecoder()
      let seen = ''
      while (!seen.includes('Loading...')) seen += decoder.decode((await reader.read()).value)
      // The fallback is out and the rest never comes (until released): the client leaves mid-stream.
      controller.abort()
      await recordOf('interrupted/stream', id)
      await fetch(`${server.url}/release?id=hang-${id}`)
    })

    /** The prerendered timestamp page for `key`, read until it differs from `before`. */
    const stamp = async (key: string) => /id="stamp">([^<]+)/.exec(await (await get(`/timestamp/${key}`, newId())).text())![1]!
    async function changes(key: string, before: string) {
      return waitFor(() => stamp(key), (now) => now !== before, 30_000)
    }

    it('revalidatePath() in a page’s callback regenerates the path', async () => {
      const before = await stamp('page')
      expect((await get('/revalidate/page', newId())).status).toBe(200)
      expect(await recordOf('revalidate/page')).toMatchObject({ revalidate: { ok: true } })
      expect(await changes('page', before)).not.toBe(before)
    })

    it('revalidatePath() in a Server Action’s callback regenerates the path', async () => {
      const before = await stamp('action')
      const html = await (await get('/revalidate/action', newId())).text()
      const actionField = /name="(\$ACTION_ID_[^"]+)"/.exec(html)![1]!
      const form = new FormData()
      form.append(actionField, '')
      const response = await fetch(`${server.url}/revalidate/action`, { method: 'POST', body: form, redirect: 'manual' })
      expect(response.status).toBeLessThan(400)
      expect(await recordOf('revalidate/action')).toMatchObject({ revalidate: { ok: true } })
      expect(await changes('action', before)).not.toBe(before)
    })

    it('middleware (edge runtime): its callback revalidates through a Route Handler', async () => {
      const before = await stamp('middleware')
      const id = newId()
      expect((await get('/revalidate/middleware', id)).status).toBe(200)
      const found = await recordOf('revalidate/middleware', id)
      expect(found.viaRoute).toBe(200)
      expect(await changes('middleware', before)).not.toBe(before)
    })

    it('edge runtime: a Route Handler’s callback runs and reads headers(); edge middleware’s callback runs', async () => {
      const id = newId()
      expect((await get('/edge/route', id)).status).toBe(200)
      expect(await recordOf('edge/route', id)).toMatchObject({ headers: { ok: true, value: id } })
      const mw = newId()
      expect((await get('/edge/middleware', mw)).status).toBe(200)
      expect(await recordOf('edge/middleware', mw)).toMatchObject({ runtime: 'edge' })
    })

    it('SIGINT, like SIGTERM, lets a pending callback finish before next start exits', async () => {
      const id = newId()
      expect((await get('/slow?ms=1500', id)).status).toBe(200)
      await recordOf('slow/started', id)
      await server.stop('SIGINT')
      expect(records(server.output())).toContainEqual({ source: 'slow/finished', id })
    })
  })

  it('next dev does not wait: on SIGINT it exits with a callback still running', async () => {
    const { dir } = await built('after-upstream', version)
    const dev = await nextDev(dir, await freePort())
    try {
      const id = newId()
      const response = await fetch(`${dev.url}/slow?ms=20000`, { headers: { 'x-id': id } })
      expect(response.status).toBe(200)
      await response.text()
      const started = (found: ReturnType<typeof records>) => found.some((entry) => entry.source === 'slow/started' && entry.id === id)
      expect(started(await waitFor(async () => records(dev.output()), started, 30_000))).toBe(true)
    } finally {
      await dev.stop('SIGINT')
    }
    // The process has exited: whatever it did not print by now, it never will.
    expect(records(dev.output()).map((entry) => entry.source)).not.toContain('slow/finished')
  }, BUILD_TIMEOUT)

  describe('a platform’s request context (Symbol.for("@next/request-context"))', () => {
    const servers: RunningServer[] = []
    const start = async (mode: string) => {
      const server = await serveFixture(await built('after-upstream', version), { FIXTURE_REQUEST_CONTEXT: mode }, '/interrupted/target')
      servers.push(server)
      return server
    }
    afterAll(() => Promise.all(servers.map((server) => server.stop())))

    it('a context with waitUntil: after() hands its work to the platform’s waitUntil', async () => {
      const server = await start('provided')
      expect((await fetch(`${server.url}/slow?ms=10`, { headers: { 'x-id': 'ctx' } })).status).toBe(200)
      const output = await waitFor(async () => server.output(), (text) => text.includes('"slow/finished"'), 30_000)
      expect(records(output).map((entry) => entry.source)).toContain('platform/waitUntil')
    }, BUILD_TIMEOUT)

    it('a context without waitUntil: after() throws "`after()` will not work correctly, because `waitUntil` is not available in the current environment."', async () => {
      const server = await start('without-wait-until')
      const response = await fetch(`${server.url}/slow?ms=10`, { headers: { 'x-id': 'none' } })
      expect(response.status).toBe(500)
      await response.text()
      const output = await waitFor(async () => server.output(), (text) => text.includes('waitUntil` is not available'), 30_000)
      expect(output).toContain('`after()` will not work correctly, because `waitUntil` is not available in the current environment.')
      expect(records(output).map((entry) => entry.source)).not.toContain('slow/started')
    }, BUILD_TIMEOUT)
  })
})
