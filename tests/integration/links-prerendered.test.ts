import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { markdownPath, ogImagePath } from '@/links/site'
import { markdownSegments } from '@/links/derived-paths'
import { readSitePages } from '@/links/site-pages'
import { baseUrl } from '../support/api'
import { startServer, TEST_SERVER_ENV, type RunningServer } from '../support/server'

/**
 * The files derived from the pages depend only on their sources and the
 * build's configuration, so `next build` writes them and the server answers
 * from those files instead of rendering per request. These tests read the
 * build the shared server runs (run `npm run build` first).
 */

const root = path.resolve(import.meta.dirname, '../..')
const pages = readSitePages()

interface Prerendered {
  srcRoute: string
  dataRoute: string | null
  initialRevalidateSeconds: number | false
}
interface PrerenderManifest {
  routes: Record<string, Prerendered>
  dynamicRoutes: Record<string, { fallback: string | false | null }>
}
const manifest = (): PrerenderManifest => JSON.parse(readFileSync(path.join(root, '.next/prerender-manifest.json'), 'utf8'))

/** Public URL, the route path it is built under, and the route that builds it. */
const derived = [
  ...pages.map((page) => ({ url: ogImagePath(page.route), built: ogImagePath(page.route), srcRoute: '/og/[...path]' })),
  ...pages.map((page) => ({
    url: markdownPath(page.route),
    built: `/markdown/${markdownSegments(page.route).join('/')}`,
    srcRoute: '/markdown/[...path]',
  })),
  { url: '/llms.txt', built: '/llms.txt', srcRoute: '/llms.txt' },
  { url: '/sitemap.xml', built: '/sitemap.xml', srcRoute: '/sitemap.xml' },
  { url: '/robots.txt', built: '/robots.txt', srcRoute: '/robots.txt' },
]

const get = (url: string, base = baseUrl()) => fetch(`${base}${url}`, { redirect: 'manual' })

describe('prerendered at build time', () => {
  it.each(derived)('next build wrote $url (as $built, never revalidated)', ({ built, srcRoute }) => {
    const entry = manifest().routes[built]
    expect(entry, `${built} in .next/prerender-manifest.json`).toBeDefined()
    expect(entry).toMatchObject({ srcRoute, dataRoute: null, initialRevalidateSeconds: false })
    expect(existsSync(path.join(root, '.next/server/app', `${built}.body`))).toBe(true)
  })

  it('admits no path that is not a page, so an unknown one is never rendered into the cache', () => {
    const { dynamicRoutes } = manifest()
    expect(dynamicRoutes['/og/[...path]']?.fallback).toBe(false)
    expect(dynamicRoutes['/markdown/[...path]']?.fallback).toBe(false)
  })

  it.each(derived)('the server answers $url with the built file, from its cache', async ({ url, built }) => {
    const res = await get(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.equals(readFileSync(path.join(root, '.next/server/app', `${built}.body`)))).toBe(true)
  })

  it('keeps each kind’s headers: PNG cached an hour, Markdown and text like the pages', async () => {
    const og = await get(ogImagePath('/'))
    expect(og.headers.get('content-type')).toBe('image/png')
    expect(og.headers.get('cache-control')).toBe('public, max-age=3600')
    const page = await get('/')
    for (const [url, type] of [
      [markdownPath('/'), 'text/markdown; charset=utf-8'],
      ['/llms.txt', 'text/plain; charset=utf-8'],
    ]) {
      const res = await get(url)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('cache-control')).toBe(page.headers.get('cache-control'))
    }
  })

  it.each([
    ['/og/no-such-page.png', 'application/json'],
    ['/no-such-page.md', 'text/plain; charset=utf-8'],
  ])('%s is answered by its 404 handler on every request, and nothing is cached for it', async (url, type) => {
    for (let i = 0; i < 2; i++) {
      const res = await get(url)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('x-nextjs-cache')).toBeNull()
    }
  })
})

describe('absolute URLs come from the build', () => {
  // The pages' <head> is prerendered with the origin the build saw; the
  // derived files must name the same one, whatever the server is started with.
  let server: RunningServer
  const runtimeOnly = 'https://runtime-only.example'

  beforeAll(async () => {
    server = await startServer({ ...TEST_SERVER_ENV, NEXT_PUBLIC_SITE_URL: runtimeOnly })
  })
  afterAll(() => server?.stop())

  it('llms.txt and the Markdown twins use the origin of the pages’ canonical links, not a runtime NEXT_PUBLIC_SITE_URL', async () => {
    const html = await (await get('/notes/failures', server.url)).text()
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]
    expect(canonical).toBeDefined()
    const origin = new URL(canonical!).origin
    expect(origin).not.toBe(runtimeOnly)
    const llms = await (await get('/llms.txt', server.url)).text()
    expect(llms).toContain(`](${origin}/notes/failures.md)`)
    expect(llms).not.toContain(runtimeOnly)
    const md = await (await get('/notes/failures.md', server.url)).text()
    expect(md).toContain(`Live page, with its interactive demos: ${origin}/notes/failures\n`)
  })
})
