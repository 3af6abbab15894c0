import { describe, expect, it } from 'vitest'
import { formatComposition, generateHandler, interpret, LIMITS, parseComposition, type EffectStep, type Runtime, type Step } from '@/demos/compose'

const steps = (text: string): Step[] => {
  const parsed = parseComposition(text)
  if ('error' in parsed) throw new Error(JSON.stringify(parsed.error))
  return parsed.steps
}
const errorOf = (text: string) => {
  const parsed = parseComposition(text)
  if (!('error' in parsed)) throw new Error(`${text} was accepted`)
  return parsed.error
}

describe('parseComposition', () => {
  it('reads every step form, and formats back to the same text', () => {
    const text = 'work:50,after:audit-log:800,nested:analytics:300:fails,await:email:200,void:webhook:300,after:search-index:100,nested-first:cache-purge:10,throw'
    expect(formatComposition(steps(text))).toBe(text)
    expect(formatComposition(steps('redirect,stream:4'))).toBe('redirect,stream:4')
  })

  it.each([
    ['work:50,after:emial:800', 2, 'after:emial:800', /Unknown side effect "emial"/, /audit-log, analytics/],
    ['work:50,later:email:800', 2, 'later:email:800', /Unknown step "later"/, /work:<ms>/],
    ['work:5001', 1, 'work:5001', /from 0 to 5000/, /0-5000/],
    ['await:email:-1', 1, 'await:email:-1', /whole number/, /0-5000/],
    ['await:email:10:maybe', 1, 'await:email:10:maybe', /":fails"/, /\[:fails\]/],
    ['work:1,nested:email:10', 2, 'nested:email:10', /right below the after step/, /after step/],
    ['after:email:1,nested:webhook:1,nested:analytics:1', 3, 'nested:analytics:1', /right below/, /after step/],
    ['stream:2,work:1', 2, 'work:1', /comes last/, /last step/],
    ['stream:0', 1, 'stream:0', /1 to 20 chunks/, /stream:1-20/],
    ['await:email:1,void:email:1', 2, 'void:email:1', /called twice/, /each side effect once/],
    ['work:1,work:2', 2, 'work:2', /once/, /one work step/],
    ['throw,redirect', 2, 'redirect', /throws or redirects once/, /one throw or redirect/],
    ['throw:now', 1, 'throw:now', /takes no arguments/, /throw/],
  ])('refuses %s at step %i (%s)', (text, position, stepText, message, allowed) => {
    const error = errorOf(text)
    expect(error).toMatchObject({ position, text: stepText })
    expect(error.message).toMatch(message)
    expect(error.allowed).toMatch(allowed)
  })

  it('allows at most six side effects, nested ones counted', () => {
    const six = 'await:audit-log:1,void:analytics:1,after:email:1,nested:cache-purge:1,after:webhook:1,await:search-index:1'
    expect(steps(six)).toHaveLength(6)
    expect(errorOf(`${six},await:email:1`)).toMatchObject({ position: 7, allowed: `at most ${LIMITS.sideEffects} side effects` })
  })

  it('bounds the total, the stream counted by its chunks, and the text', () => {
    expect(errorOf('work:5000,await:email:5000,await:webhook:5000,stream:1').message).toMatch(/add up to 15250 ms/)
    expect(errorOf('')).toMatchObject({ message: 'The composition has no steps.' })
    expect(errorOf('work:1,'.repeat(40)).allowed).toBe('at most 200 characters')
  })
})

describe('generateHandler', () => {
  it('writes a Route Handler that reads like a reader’s own', () => {
    expect(generateHandler(steps('work:50,after:audit-log:800,await:email:200,void:analytics:300:fails'))).toBe(
      [
        "import { after } from 'next/server'",
        "import { sendEmail, sendToAnalytics, updateDatabase, writeAuditLog } from '@/lib/services'",
        '',
        'export async function POST() {',
        '  await updateDatabase() // 50 ms',
        '  after(() => writeAuditLog()) // 800 ms',
        '  await sendEmail() // 200 ms',
        '  void sendToAnalytics() // 300 ms, then rejects',
        '  return Response.json({ ok: true })',
        '}',
        '',
      ].join('\n'),
    )
  })

  it('nests an after() inside the after step above it, before or after its call', () => {
    const code = generateHandler(steps('after:email:10,nested:webhook:20,after:search-index:5,nested-first:cache-purge:6'))
    expect(code).toContain('  after(async () => {\n    await sendEmail() // 10 ms\n    after(() => callWebhook()) // 20 ms\n  })')
    expect(code).toContain('  after(async () => {\n    after(() => purgeCache()) // 6 ms\n    await updateSearchIndex() // 5 ms\n  })')
  })

  it('throws, redirects and streams as Next.js code does', () => {
    const code = generateHandler(steps('redirect,stream:3'))
    expect(code).toContain("import { redirect } from 'next/navigation'")
    expect(code).toContain("  redirect('/playground')\n  return new Response(streamReport()) // 3 chunks\n}")
    expect(generateHandler(steps('throw'))).toContain("  throw new Error('Something went wrong')\n  return Response.json({ ok: true })\n}")
    expect(code).not.toContain('Response.json')
  })
})

/** A runtime that logs each call, with after() queued and run once the handler has answered, as Next.js does. */
function fakeRuntime() {
  const log: string[] = []
  const queue: Array<() => unknown> = []
  const runtime: Runtime = {
    after: (callback) => void queue.push(callback),
    redirect: (url) => {
      log.push(`redirect ${url}`)
      throw new Error('NEXT_REDIRECT')
    },
    work: async (ms) => void log.push(`work ${ms}`),
    effect: async (step: EffectStep) => {
      log.push(`start ${step.name}`)
      await Promise.resolve()
      log.push(`${step.fails ? 'fail' : 'end'} ${step.name}`)
      if (step.fails) throw new Error(`${step.name} failed`)
    },
    stream: () => new ReadableStream({ start: (controller) => controller.close() }),
  }
  const drain = async () => {
    while (queue.length) await Promise.allSettled(queue.splice(0).map((callback) => callback()))
  }
  return { log, runtime, drain }
}

describe('interpret', () => {
  it('awaits, starts and schedules each call as the code says, and answers JSON', async () => {
    const { log, runtime, drain } = fakeRuntime()
    const response = await interpret(steps('work:50,after:audit-log:800,await:email:200,void:analytics:300'), runtime)
    log.push(`answered ${response.status}`)
    await drain()
    expect(await response.json()).toEqual({ ok: true })
    expect(log.slice(0, 4)).toEqual(['work 50', 'start email', 'end email', 'start analytics'])
    // The un-awaited call goes on by itself; the after() call starts only once the handler has answered.
    expect(log.indexOf('start audit-log')).toBeGreaterThan(log.indexOf('answered 200'))
    expect(log).toContain('end analytics')
  })

  it('runs a nested after() once its parent’s call has finished, or before it starts', async () => {
    const { log, runtime, drain } = fakeRuntime()
    await interpret(steps('after:email:1,nested:webhook:1,after:search-index:1,nested-first:cache-purge:1'), runtime)
    await drain()
    expect(log.indexOf('start webhook')).toBeGreaterThan(log.indexOf('end email'))
    expect(log.indexOf('start cache-purge')).toBeGreaterThan(-1)
    // nested-first: registered before its parent's call, so it is queued before that call ends.
    expect(log.indexOf('start cache-purge')).toBeLessThan(log.indexOf('start webhook'))
  })

  it('throws where the code throws: a failing awaited call, a throw, a redirect; steps below never run', async () => {
    for (const text of ['await:email:1:fails,after:webhook:1', 'throw,after:webhook:1', 'redirect,after:webhook:1']) {
      const { log, runtime, drain } = fakeRuntime()
      await expect(interpret(steps(text), runtime)).rejects.toThrow()
      await drain()
      expect(log.join()).not.toContain('webhook')
    }
  })

  it('answers a stream instead of JSON', async () => {
    const { runtime } = fakeRuntime()
    const response = await interpret(steps('work:1,stream:2'), runtime)
    expect(response.body).toBeInstanceOf(ReadableStream)
    expect(response.headers.get('content-type')).toBeNull()
  })
})
