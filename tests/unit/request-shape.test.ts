import { describe, expect, it } from 'vitest'
import { DemoError, MAX_QUERY_LENGTH, parseRequest, readQueryString } from '@/demos/admission'
import { EFFECT, WORK } from '@/demos/scenarios'

const specs = { work: WORK, effect: EFFECT }
/** The details of the DemoError `read` throws, or undefined when it accepts. */
const refusedBy = (read: () => unknown) => {
  try {
    read()
  } catch (error) {
    if (error instanceof DemoError) return { status: error.status, ...error.details }
    throw error
  }
  return undefined
}
const refusal = (request: Request) => refusedBy(() => parseRequest(specs, request))

describe('parseRequest', () => {
  it('accepts a bodiless POST with parameters in range', () => {
    const request = new Request('http://x/api/demos/after?work=5&effect=10', { method: 'POST', headers: { 'content-length': '0' } })
    expect(parseRequest(specs, request)).toEqual({ work: 5, effect: 10 })
  })

  it('refuses a body, whatever its size', () => {
    expect(refusal(new Request('http://x/?work=1', { method: 'POST', headers: { 'content-length': '1' }, body: 'x' }))).toMatchObject({ status: 400, field: 'body', allowed: 'no body' })
    expect(refusal(new Request('http://x/', { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }))).toMatchObject({ field: 'body' })
  })

  it('refuses a query string longer than any valid one', () => {
    const long = `http://x/?work=${'0'.repeat(MAX_QUERY_LENGTH)}`
    expect(refusal(new Request(long))).toMatchObject({ status: 400, field: 'query', allowed: `at most ${MAX_QUERY_LENGTH} characters` })
  })

  it('refuses every parameter on an endpoint that declares none', () => {
    expect(() => parseRequest({}, new Request('http://x/?a=1'))).toThrow(/Unknown parameter "a"/)
  })
})

describe('readQueryString (a Server Action\'s query)', () => {
  const known = ['work', 'effect']
  const refusalOf = (search: string) => refusedBy(() => readQueryString(search, known))

  it('reads the query with or without its "?"', () => {
    expect(Object.fromEntries(readQueryString('work=5&effect=10', known))).toEqual({ work: '5', effect: '10' })
    expect(Object.fromEntries(readQueryString('?work=5', known))).toEqual({ work: '5' })
  })

  it('refuses a query over the limit instead of reading part of it', () => {
    expect(refusalOf(`${'&'.repeat(MAX_QUERY_LENGTH)}effect=1`)).toMatchObject({ status: 400, field: 'query' })
  })

  it('draws the line where a URL\'s query is refused too', () => {
    const longest = `work=${'0'.repeat(MAX_QUERY_LENGTH - 5)}`
    expect(refusalOf(longest)).toBeUndefined()
    expect(refusalOf(`${longest}0`)).toMatchObject({ field: 'query' })
    const url = (search: string) => new Request(`http://x/?${search}`)
    expect(refusal(url(`${longest}0`))).toMatchObject({ field: 'query' })
    expect(refusal(url(longest))).toMatchObject({ field: 'work' })
  })

  it('names an unknown key', () => {
    expect(refusalOf('work=1&limit=2')).toMatchObject({ status: 400, field: 'limit', allowed: 'work, effect' })
  })
})
