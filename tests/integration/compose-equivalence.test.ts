import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { LIMITS, SIDE_EFFECTS, STREAM_CALL, WORK_CALL, type Step } from '@/demos/compose'
import { EVENTS, type TimelineEvent } from '@/demos/engine'
import { baseUrl, eachVersion } from '../support/api'
import { COMPOSED_FIXTURE, COMPOSITIONS, removeComposedRoutes, stepsOf, writeComposedRoutes } from '../support/composed-fixture'
import { fixtureBuilds, records, serveFixture } from '../support/fixture-app'
import { waitFor } from '../support/health'
import { runToEnd } from '../support/runs'
import type { RunningServer } from '../support/server'

/**
 * Shown code is running code: each composition's generated Route Handler (generateHandler's output, unchanged) is
 * built into the fixture app tests/fixtures/composed-handlers, whose `@/lib/services` records every call, and run
 * there; the same composition runs on the site's endpoint, through the interpreter. Both must answer the same status,
 * headers and body, and record the same events in the same order, the response's end among them.
 *
 * Order, not timings: events the code does not order itself are kept apart. A `void` call outlasts the response by
 * far (1.5 s). Callbacks that start together differ by tens of ms, which a busy machine keeps in order: timers that
 * are due together fire in the order they were due. A call chained after another (a nested after()) ends hundreds of
 * ms before a concurrent one, since a stalled process fires the first timer before it can even set the next.
 */

/** What the fixture's services need to know of a composition (lib/record.ts `Plan`): the code shows it only in comments. */
function planOf(steps: Step[]) {
  const calls: Record<string, { ms: number; fails?: boolean }> = {}
  let stream: { chunks: number; chunkMs: number } | undefined
  for (const step of steps) {
    if (step.kind === 'work') calls[WORK_CALL] = { ms: step.ms }
    if (step.kind === 'effect') calls[SIDE_EFFECTS[step.name].call] = { ms: step.ms, fails: step.fails }
    if (step.kind === 'stream') stream = { chunks: step.chunks, chunkMs: LIMITS.chunkMs }
  }
  return { calls, stream }
}

/**
 * The interpreter's timeline in the fixture's words: each call's start and end or failure, each chunk, and the
 * response's end: the body's last byte where there is a body, else the handler's throw (a redirect or a 500).
 */
function interpreterEvents(events: TimelineEvent[]): string[] {
  const hasBody = events.some((event) => event.type === EVENTS.responseBodySent)
  return events.flatMap((event): string[] => {
    if (event.type === (hasBody ? EVENTS.responseBodySent : EVENTS.handlerThrew)) return ['response']
    if (event.type === EVENTS.streamStarted) return [`${STREAM_CALL} started`]
    if (event.type === EVENTS.streamChunk) return ['chunk']
    if (event.type === EVENTS.streamClosed) return [`${STREAM_CALL} finished`]
    const task = /^(work|effect\.(\w+))\.(started|finished|failed)$/.exec(event.type)
    return task ? [`${task[2] ?? WORK_CALL} ${task[3]}`] : []
  })
}

/**
 * The events with each run of consecutive ends (finished, failed) sorted. Calls that run at once end in the order
 * their timers fire, and a busy machine can swap two that are close or even far apart (seen in a CI-like run: a 10 ms
 * call started 20 ms in ended after a 400 ms one started at 0, the 20 compositions running at once). That order is
 * the machine's, not the code's; everything else keeps its order: what started when, and what the response waited for.
 */
function endsInAnyOrder(events: string[]): string[] {
  const ordered: string[] = []
  let ends: string[] = []
  for (const event of events) {
    if (/ (finished|failed)$/.test(event)) ends.push(event)
    else {
      ordered.push(...ends.sort(), event)
      ends = []
    }
  }
  return [...ordered, ...ends.sort()]
}

/** Each call started has ended. */
const settledCalls = (events: string[]) => {
  const open = new Set<string>()
  for (const event of events) {
    const [call, what] = event.split(' ')
    if (what === 'started') open.add(call!)
    else if (what === 'finished' || what === 'failed') open.delete(call!)
  }
  return open.size === 0
}

/**
 * How Next.js reported each call of the fixture's request `id` that failed off the response's path, in the server's
 * log: the error report of an `after()` callback, or an unhandled rejection (an awaited failure is the 500 compared).
 */
function reportsOf(output: string, id: string): string[] {
  return output.split('\n').flatMap((line) => {
    const call = line.includes(`(${id})`) ? /(\w+) failed \(/.exec(line)?.[1] : undefined
    if (call && line.includes('unhandledRejection')) return [`${call}: unhandled rejection`]
    if (call && line.includes('passed to `after()`')) return [`${call}: after() error`]
    return []
  })
}

/** What the composition's failing calls that ran should be reported as: a `void` call's rejection is unhandled. */
function expectedReports(steps: Step[], events: string[]): string[] {
  return steps.flatMap((step) => {
    if (step.kind !== 'effect' || step.style === 'await' || !events.includes(`${SIDE_EFFECTS[step.name].call} failed`)) return []
    return [`${SIDE_EFFECTS[step.name].call}: ${step.style === 'void' ? 'unhandled rejection' : 'after() error'}`]
  })
}

interface Answer {
  status: number
  location: string | null
  contentType: string | null
  body: string
  events: string[]
}

const answerOf = async (response: Response, body?: string) => ({
  status: response.status,
  location: response.headers.get('location'),
  contentType: response.headers.get('content-type'),
  body: body ?? (await response.text()),
})

const fixtures = fixtureBuilds()

beforeAll(() => {
  writeComposedRoutes()
  // Every version's build at once; the 16 one from a copy, made once the routes are written.
  for (const { name } of inject('versions')) void fixtures.build(COMPOSED_FIXTURE, name)
})
afterAll(async () => {
  await fixtures.report()
  removeComposedRoutes()
})

const BUILD_TIMEOUT = 300_000

describe('the set of compositions', () => {
  it('covers every step kind and call style, failing awaited and not, and the handler throwing after a step', () => {
    const steps = COMPOSITIONS.flatMap(stepsOf)
    const forms = new Set(steps.map((step) => (step.kind === 'effect' ? `${step.style}${step.fails ? ':fails' : ''}` : step.kind)))
    expect([...forms].sort()).toEqual(
      ['after', 'after:fails', 'await', 'await:fails', 'nested', 'nested:fails', 'nested-first', 'redirect', 'stream', 'throw', 'void', 'void:fails', 'work'].sort(),
    )
    expect(COMPOSITIONS.length).toBeGreaterThanOrEqual(20)
  })
})

eachVersion(({ name: version }) => {
  let fixture: RunningServer
  const answers = new Map<number, { interpreter: Answer; generated: Answer & { id: string }; end: string }>()

  /** The composition's run on the site's endpoint, by the interpreter. */
  async function interpreted(text: string): Promise<Answer & { end: string }> {
    const run = await runToEnd('compose', `steps=${encodeURIComponent(text)}`)
    const location = run.response.headers.get('location')
    // The site's 16 demos answer under their base path; the fixture at its root.
    const base = new URL(baseUrl()).pathname.replace(/\/$/, '')
    return {
      ...(await answerOf(run.response, run.body)),
      location: location && location.replace(new RegExp(`^${base}`), ''),
      events: interpreterEvents(run.events),
      end: run.end,
    }
  }

  /** The composition's generated route on the fixture app, its events once as many as the interpreter's have come and none is open. */
  async function generated(index: number, expected: number): Promise<Answer & { id: string }> {
    const id = `${version}-${index}-${Date.now()}`
    const response = await fetch(`${fixture.url}/composed/${index}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'x-composition-id': id, 'x-composition-plan': JSON.stringify(planOf(stepsOf(COMPOSITIONS[index]!))) },
    })
    const answer = await answerOf(response)
    const read = async () => records(fixture.output()).flatMap((entry) => (entry.source === 'composed' && entry.id === id ? [String(entry.event)] : []))
    const events = await waitFor(read, (seen) => seen.length >= expected && settledCalls(seen), 30_000)
    return { ...answer, events, id }
  }

  beforeAll(async () => {
    fixture = await serveFixture(await fixtures.build(COMPOSED_FIXTURE, version), {}, '/ready')
    await Promise.all(
      COMPOSITIONS.map(async (text, index) => {
        const { end, ...interpreter } = await interpreted(text)
        answers.set(index, { interpreter, generated: await generated(index, interpreter.events.length), end })
      }),
    )
  }, BUILD_TIMEOUT)
  afterAll(() => fixture?.stop())

  it.each(COMPOSITIONS.map((text, index) => [text, index] as const))('%s: the generated route answers and records what the interpreter did', (_, index) => {
    const { interpreter, generated: { id, ...generated }, end } = answers.get(index)!
    expect(end).toBe('complete')
    expect(interpreter.events).toContain('response')
    expect({ ...generated, events: endsInAnyOrder(generated.events) }).toEqual({ ...interpreter, events: endsInAnyOrder(interpreter.events) })
  })

  it.each(COMPOSITIONS.filter((text) => text.includes(':fails')).map((text) => [text, COMPOSITIONS.indexOf(text)] as const))(
    '%s: Next.js reports each failure off the response path as the code says',
    async (text, index) => {
      const { generated } = answers.get(index)!
      const expected = expectedReports(stepsOf(text), generated.events)
      await expect.poll(() => reportsOf(fixture.output(), generated.id).sort()).toEqual(expected.sort())
    },
  )
})
