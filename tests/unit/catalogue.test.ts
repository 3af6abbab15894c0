import { describe, expect, it } from 'vitest'
import { catalogueResponse } from '@/demos/http'
import { scenarios } from '@/demos/scenarios'

const get = (query = '') => catalogueResponse(new Request(`http://localhost/api/demos${query}`))

describe('GET /api/demos', () => {
  it('lists every scenario with its endpoint and parameter ranges', async () => {
    const response = get()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const { scenarios: listed } = (await response.json()) as { scenarios: Array<{ name: string; endpoint: string; params: object }> }
    expect(listed.map((entry) => entry.name)).toEqual(Object.keys(scenarios))
    const after = listed.find((entry) => entry.name === 'after')!
    expect(after.endpoint).toBe('POST /api/demos/after')
    expect(Object.keys(after.params)).toEqual(Object.keys(scenarios.after.params))
  })

  it('answers every request with the same list, each in a body of its own', async () => {
    const [first, second] = [get(), get()]
    expect(await first.text()).toBe(await second.text())
  })

  it('refuses a query parameter with a 400 naming it', async () => {
    const response = get('?work=1')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('work')
  })
})
