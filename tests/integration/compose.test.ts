import { describe, expect, it } from 'vitest'
import { generateHandler, parseComposition } from '@/demos/compose'
import { EVENTS } from '@/demos/engine'
import { baseUrl, post, runCount, timed } from '../support/api'
import { settled } from '../support/health'
import { runToEnd } from '../support/runs'

const typesIn = (events: Array<{ type: string; lane: string }>, lane: string) => events.filter((event) => event.lane === lane).map((event) => event.type)

describe('POST /api/demos/compose', () => {
  it('runs the composition: awaited work and call first, void during the handler, after() once the response is sent', async () => {
    const { response, events, end } = await runToEnd('compose', `steps=${encodeURIComponent('work:50,after:audit-log:300,await:email:100,void:analytics:200')}`)
    expect(response.status).toBe(200)
    expect(end).toBe('complete')
    const at = (type: string) => events.findIndex((event) => event.type === type)
    expect(at('effect.sendEmail.finished')).toBeLessThan(at(EVENTS.responseReturned))
    expect(at('effect.sendToAnalytics.started')).toBeLessThan(at(EVENTS.responseReturned))
    expect(at('effect.writeAuditLog.started')).toBeGreaterThan(at(EVENTS.responseReturned))
    expect(typesIn(events, 'writeAuditLog')).toEqual(['effect.writeAuditLog.started', 'effect.writeAuditLog.finished'])
  })

  it.each([
    ['throw', 500],
    ['redirect', 307],
    ['await:email:20:fails', 500],
  ])('answers %s as Next.js answers the composed code (%i), and after() registered above still runs', async (ending, status) => {
    const { response, events, end } = await runToEnd('compose', `steps=${encodeURIComponent(`after:webhook:50,${ending},after:cache-purge:10`)}`)
    expect(response.status).toBe(status)
    expect(end).toBe('complete')
    expect(typesIn(events, 'callWebhook')).toEqual(['effect.callWebhook.started', 'effect.callWebhook.finished'])
    expect(typesIn(events, 'purgeCache')).toEqual([])
  })

  it('streams N chunks instead of JSON', async () => {
    const { response, events, end } = await runToEnd('compose', 'steps=work:10,stream:3')
    expect(response.status).toBe(200)
    expect(end).toBe('complete')
    expect(events.filter((event) => event.type === EVENTS.streamChunk)).toHaveLength(3)
  })

  it('refuses a bad composition with a 400 naming the step and what is allowed, and starts no run', async () => {
    await settled(baseUrl())
    const before = await runCount()
    const { response, body } = await post(`/api/demos/compose?steps=${encodeURIComponent('work:50,after:emial:800')}`)
    expect(response.status).toBe(400)
    expect(JSON.parse(body)).toEqual({
      error: {
        code: 'invalid_parameter',
        field: 'steps',
        message: 'Step 2 ("after:emial:800"): Unknown side effect "emial".',
        allowed: 'audit-log, analytics, email, cache-purge, webhook, search-index',
      },
    })
    for (const query of ['', 'steps=', 'steps=work:1&work=5', `steps=${'work:1,'.repeat(40)}`]) {
      expect((await post(`/api/demos/compose?${query}`)).response.status).toBe(400)
    }
    expect(await runCount()).toBe(before)
  })
})

describe('GET /api/demos/compose/code', () => {
  it("answers the composition's generated handler, highlighted by shiki, and a bad composition with a 400 naming steps", async () => {
    const text = 'work:50,after:audit-log:800,redirect'
    const { response, body } = await timed(`/api/demos/compose/code?steps=${encodeURIComponent(text)}`)
    expect(response.status).toBe(200)
    const { code, html } = JSON.parse(body) as { code: string; html: string }
    const parsed = parseComposition(text)
    expect(code).toBe('steps' in parsed && generateHandler(parsed.steps))
    expect(html).toMatch(/^<pre class="shiki shiki-themes github-light github-dark"/)
    // Every character of the code is in the highlighted version, in order: only markup was added.
    const unescaped = html.replace(/<[^>]+>/g, '').replaceAll('&#39;', "'").replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&')
    expect(unescaped).toBe(code)

    const bad = await timed(`/api/demos/compose/code?steps=${encodeURIComponent('work:50,nested:email:10')}`)
    expect(bad.response.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ error: { code: 'invalid_parameter', field: 'steps', message: expect.stringMatching(/^Step 2 \("nested:email:10"\)/) } })
    for (const query of ['', 'steps=work:1&x=1']) expect((await timed(`/api/demos/compose/code?${query}`)).response.status).toBe(400)
    expect((await post(`/api/demos/compose/code?steps=work:1`)).response.status).toBe(405)
  })
})
