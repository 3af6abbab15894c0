import { expect, inject, it } from 'vitest'
import { NEXT16_BASE } from '@/demos/versions'
import { baseUrl, eachVersion, post, readEvents } from '../support/api'
import { callAction, pageRun } from '../support/surfaces'

interface RunJson {
  runId: string
  nextVersion: string
  serverNextVersion: string | null
}

/** The frame `event: server` that opens a run's event stream. */
const serverFrame = (raw: string) => JSON.parse(/^event: server\ndata: (.+)$/m.exec(raw)![1]!) as RunJson & { node: string }

// The Next.js the demos' code was built against (its `next/package.json`, resolved beside `next/server`) is the one
// whose server runs it, and the one the package pins: a build that mixed the site's 15.5 into the 16 server fails here.
eachVersion((version) => {
  it('a run reports the Next.js its code was built against and the one running it: both the pinned version', async () => {
    const { response, body } = await post('/api/demos/after?work=0&effect=0')
    const run = JSON.parse(body) as RunJson
    expect(run.nextVersion).toBe(version.next)
    expect(run.serverNextVersion).toBe(version.next)
    expect(response.headers.get('x-next-version')).toBe(version.next)

    const { raw, headers } = await readEvents(run.runId)
    expect(headers.get('x-next-version')).toBe(version.next)
    expect(serverFrame(raw)).toEqual({ nextVersion: version.next, serverNextVersion: version.next, node: expect.stringMatching(/^v\d+\./) })
  })

  it('a page run and a Server Action run name the same version', async () => {
    const page = await pageRun('/demos/server-component?work=0&effect=0')
    expect(page.response.headers.get('x-next-version')).toBe(version.next)
    const { result } = await callAction<RunJson>('/demos/server-action', 'app/demos/server-action/actions.ts', 'saveItem', ['work=0&effect=0'])
    expect(result).toMatchObject({ nextVersion: version.next, serverNextVersion: version.next })
  })

  it('the catalogue lists this version first, under the prefix its endpoints answer at', async () => {
    const { versions } = (await (await fetch(`${baseUrl()}/api/demos`)).json()) as { versions: Array<{ next: string; base: string }> }
    expect(versions[0]).toEqual({ next: version.next, node: expect.stringMatching(/^v\d+\./), base: version.name === '16' ? NEXT16_BASE : '' })
  })
})

it.runIf(inject('versions').length === 2)('the site lists both versions and reaches the Next.js 16 demos through its own origin', async () => {
  const [site, next16] = inject('versions')
  const origin = baseUrl()
  const { versions } = (await (await fetch(`${origin}/api/demos`)).json()) as { versions: Array<{ next: string; base: string }> }
  expect(versions.map(({ next, base }) => ({ next, base }))).toEqual([
    { next: site!.next, base: '' },
    { next: next16!.next, base: NEXT16_BASE },
  ])

  const response = await fetch(`${origin}${NEXT16_BASE}/api/demos/after?work=0&effect=200`, { method: 'POST' })
  const run = (await response.json()) as RunJson
  expect(run.nextVersion).toBe(next16!.next)
  const { events, end, headers } = await readEvents(run.runId, undefined, `${origin}${NEXT16_BASE}`)
  expect(end).toBe('complete')
  expect(headers.get('x-next-version')).toBe(next16!.next)
  expect(events.length).toBeGreaterThan(3)

  const page = await fetch(`${origin}${NEXT16_BASE}/demos/server-component?work=0&effect=0`)
  expect(page.headers.get('x-next-version')).toBe(next16!.next)
  // Its assets are asked of the site's origin under the prefix too, and come from the 16 server.
  const asset = /src="(\/next16\/_next\/static\/[^"]+\.js)"/.exec(await page.text())![1]!
  expect((await fetch(`${origin}${asset}`)).status).toBe(200)
})
