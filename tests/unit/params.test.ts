import { describe, expect, it } from 'vitest'
import { DemoError, parseParams } from '@/demos/admission'
import { EFFECT, WORK } from '@/demos/scenarios'

const specs = { work: WORK, effect: EFFECT }
const parse = (query: string) => parseParams(specs, new URLSearchParams(query))

function refusal(query: string) {
  try {
    parse(query)
  } catch (error) {
    expect(error).toBeInstanceOf(DemoError)
    const e = error as DemoError
    return { status: e.status, field: e.details.field, allowed: e.details.allowed, message: e.message }
  }
  throw new Error(`"${query}" was accepted`)
}

describe('parseParams', () => {
  it('fills in defaults and reads whole numbers', () => {
    expect(parse('')).toEqual({ work: WORK.default, effect: EFFECT.default })
    expect(parse('work=0&effect=10000')).toEqual({ work: 0, effect: 10000 })
  })

  it.each([
    ['work=-1', 'work'],
    ['work=2001', 'work'],
    ['effect=10001', 'effect'],
    ['work=abc', 'work'],
    ['work=1.5', 'work'],
    ['work=1e3', 'work'],
    ['work=%20', 'work'],
    ['work=99999999999', 'work'],
  ])('refuses %s naming %s and its range', (query, field) => {
    const result = refusal(query)
    expect(result.status).toBe(400)
    expect(result.field).toBe(field)
    expect(result.allowed).toBe(field === 'work' ? '0-2000' : '0-10000')
    expect(result.message).toContain(field)
  })

  it('refuses unknown and repeated parameters', () => {
    expect(refusal('wrok=5')).toMatchObject({ status: 400, field: 'wrok', allowed: 'work, effect' })
    expect(refusal('work=1&work=2')).toMatchObject({ status: 400, field: 'work' })
  })
})
