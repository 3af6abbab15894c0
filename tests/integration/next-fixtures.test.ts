import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureBuilds, serveFixture } from '../support/fixture-app'
import { waitFor } from '../support/health'
import type { RunningServer } from '../support/server'

/**
 * Truths that need a Next.js app of their own, built with the site's own Next.js: one whose build is meant to fail
 * (tests/fixtures/after-throws-at-build), and React's `cache()` outside the site's demo machinery, on pages of the
 * after-upstream fixture (its `/react-cache` routes; the build next-upstream.test.ts and next16-topics.test.ts serve
 * too, made once for the three files).
 */
// Both builds start at once, from the start of the file: a build spends part of its time waiting on the disk and in
// single-threaded steps, so two overlap well even on two cores.
const fixtures = fixtureBuilds()
const built = (name: string) => fixtures.build(name, '15.5')
beforeAll(() => {
  void built('after-throws-at-build')
  void built('after-upstream')
})
afterAll(() => fixtures.report())

describe('an after() callback that throws on a prerendered page', () => {
  it('fails next build, naming the callback’s error', async () => {
    const { code, output } = await built('after-throws-at-build')
    expect(code).not.toBe(0)
    expect(output).toContain('An error occurred in a function passed to `after()`')
    expect(output).toContain('after-guide: this callback throws at build time')
    expect(output).toMatch(/Error occurred prerendering page "\/"/)
  }, 300_000)
})

describe('React cache() with after()', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await serveFixture(await built('after-upstream'), {}, '/react-cache/record?key=ready')
  }, 300_000)
  afterAll(() => server?.stop())

  /** What the request with `key` got from its loader calls, once its after() callback has run. */
  async function record(key: string): Promise<{ render: string[]; after: string[] }> {
    const read = async () => (await (await fetch(`${server.url}/react-cache/record?key=${key}`)).json()) as { render: string[]; after: string[] } | null
    const found = await waitFor(read, (value) => Boolean(value?.after.length), 30_000)
    if (!found?.after.length) throw new Error(`no after() result for ${key}`)
    return found
  }

  it('in a Server Component, the callback gets the request’s memo: one call for the page, its child and the callback', async () => {
    const html = await (await fetch(`${server.url}/react-cache?key=page-1`)).text()
    const page = /id="page">([^<]+)/.exec(html)![1]
    const child = /id="child">([^<]+)/.exec(html)![1]
    expect(child).toBe(page)
    expect((await record('page-1')).after).toEqual([page])
  })

  it('in a Route Handler, cache() deduplicates nothing: each call runs, inside the callback too', async () => {
    await fetch(`${server.url}/react-cache/probe?key=route-1`)
    const { render, after } = await record('route-1')
    expect(new Set([...render, ...after]).size).toBe(3)
  })
})
