import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine'
import { eachVersion, eventTime, post, readEvents, responseBeforeEffectEnd } from '../support/api'

eachVersion(() => describe('how long a callback may run under next start (truth test)', () => {
  it('ignores the route\'s maxDuration: a callback outlasting it runs to the end', async () => {
    const effect = 2600
    const { response, json, events, end } = await responseBeforeEffectEnd(async () => {
      const { response, body, elapsed } = await post(`/api/demos/long-callback?work=20&effect=${effect}&limit=2000`)
      const json = JSON.parse(body) as { runId: string; maxDuration: number; params: Record<string, number> }
      return { response, json, elapsed, ...(await readEvents(json.runId)) }
    })
    expect(response.status).toBe(200)
    expect(json.maxDuration).toBe(2)
    expect(json.params).toEqual({ work: 20, effect, limit: 2000 })
    expect(end).toBe('complete')
    // Past the 2 s the route exports, on the server's own clock, and finished.
    expect(eventTime(events, EVENTS.effectFinished)).toBeGreaterThan(json.maxDuration * 1000 + 500)
    expect(eventTime(events, EVENTS.effectLogged)).toBeGreaterThan(json.maxDuration * 1000)
  })
}))
