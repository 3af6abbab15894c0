import { describe, expect, it } from 'vitest'
import { paramError } from '@/demos/client/param-check'
import { EFFECT } from '@/demos/scenarios/shared-params'

describe('paramError', () => {
  it.each(['0', '1000', '10000', ' 250 '])('accepts %j', (raw) => {
    expect(paramError(EFFECT, raw)).toBeUndefined()
  })

  it.each(['10001', '-1', '1.5', '1e3', 'abc'])('refuses %j in the server\'s words', (raw) => {
    expect(paramError(EFFECT, raw)).toBe('Side effect must be a whole number of milliseconds from 0 to 10000.')
  })

  it('says a blank field is empty instead of running it with 0', () => {
    expect(paramError(EFFECT, '')).toBe('Side effect is empty: it must be a whole number of milliseconds from 0 to 10000.')
    expect(paramError(EFFECT, undefined)).toMatch(/is empty/)
  })
})
