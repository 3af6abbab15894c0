import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nextBuild } from '../support/fixture-app'
import { waitFor } from '../support/health'
import { startServer, type RunningServer } from '../support/server'

/**
 * Truths that need a Next.js app of their own: one whose build is meant to
 * fail, and one that shows React's `cache()` outside the site's demo
 * machinery. Each fixture is a minimal App Router app under tests/fixtures,
 * built here with the site's own Next.js (about 10 s each).
 */
const root = path.resolve(import.meta.dirname, '../..')
const fixture = (name: string) => path.join(root, 'tests/fixtures', name)

// Both fixtures are built at once, from the start of the file: a build spends part of its time waiting on the disk
// and in single-threaded steps, so two overlap well even on two cores.
const builds = new Map<string, ReturnType<typeof nextBuild>>()
const built = (name: string) => {
  if (!builds.has(name)) builds.set(name, nextBuild(fixture(name)))
  return builds.get(name)!
}
beforeAll(() => {
  built('after-throws-at-build')
  built('react-cache')
})

describe('an after() callback that throws on a prerendered page', () => {
  const dir = fixture('after-throws-at-build')
  afterAll(() => rmSync(path.join(dir, '.next'), { recursive: true, force: true }))

  it('fails next build, naming the callback’s error', async () => {
    const { code, output } = await built('after-throws-at-build')
    expect(code).not.toBe(0)
    expect(output).toContain('An error occurred in a function passed to `after()`')
    expect(output).toContain('after-guide: this callback throws at build time')
    expect(output).toMatch(/Error occurred prerendering page "\/"/)
  }, 300_000)
})

describe('React cache() with after()', () => {
  const dir = fixture('react-cache')
  let server: RunningServer
  beforeAll(async () => {
    const { code, output } = await built('react-cache')
    if (code !== 0) throw new Error(`the react-cache fixture did not build:\n${output}`)
    server = await startServer({}, { root: dir, readyPath: '/api/record?key=ready' })
  }, 300_000)
  afterAll(async () => {
    await server?.stop()
    rmSync(path.join(dir, '.next'), { recursive: true, force: true })
  })

  /** What the request with `key` got from its loader calls, once its after() callback has run. */
  async function record(key: string): Promise<{ render: string[]; after: string[] }> {
    const read = async () => (await (await fetch(`${server.url}/api/record?key=${key}`)).json()) as { render: string[]; after: string[] } | null
    const found = await waitFor(read, (value) => Boolean(value?.after.length), 30_000)
    if (!found?.after.length) throw new Error(`no after() result for ${key}`)
    return found
  }

  it('in a Server Component, the callback gets the request’s memo: one call for the page, its child and the callback', async () => {
    const html = await (await fetch(`${server.url}/?key=page-1`)).text()
    const page = /id="page">([^<]+)/.exec(html)![1]
    const child = /id="child">([^<]+)/.exec(html)![1]
    expect(child).toBe(page)
    expect((await record('page-1')).after).toEqual([page])
  })

  it('in a Route Handler, cache() deduplicates nothing: each call runs, inside the callback too', async () => {
    await fetch(`${server.url}/api/probe?key=route-1`)
    const { render, after } = await record('route-1')
    expect(new Set([...render, ...after]).size).toBe(3)
  })
})
