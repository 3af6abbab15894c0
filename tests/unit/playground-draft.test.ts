import { describe, expect, it } from 'vitest'
import { formatComposition, LIMITS, parseComposition } from '@/demos/compose'
import { draftOf, draftText, effectCount, moved, withNewEffect, withRow, withStep, without, type Draft } from '@/components/playground/draft'
import { PRESETS } from '@/components/playground/presets'

const parsed = (draft: Draft) => parseComposition(draftText(draft))

describe("the playground's draft", () => {
  it.each(PRESETS.map((preset) => [preset.id, preset] as const))('preset %s parses, and its draft writes the same composition back', (_, preset) => {
    const text = formatComposition(preset.steps)
    expect(parseComposition(text)).toEqual({ steps: preset.steps })
    expect(draftText(draftOf(preset.steps))).toBe(text)
  })

  it('keeps a number as typed, so the parser names the step at fault, as the server would', () => {
    const draft = withRow(draftOf(PRESETS[0]!.steps), 1, { kind: 'effect', style: 'after', name: 'audit-log', ms: '99999', fails: false })
    expect(parsed(draft)).toEqual({ error: expect.objectContaining({ position: 2, text: 'after:audit-log:99999', allowed: `0-${LIMITS.stepMs}` }) })
  })

  it('adds side effects under new names up to the limit, then no more', () => {
    let draft: Draft = { rows: [], stream: null }
    for (let i = 0; i < LIMITS.sideEffects; i++) draft = withNewEffect(draft)!
    expect(effectCount(draft)).toBe(LIMITS.sideEffects)
    expect(new Set(draft.rows.map((row) => row.kind === 'effect' && row.name)).size).toBe(LIMITS.sideEffects)
    expect('steps' in parsed(draft)).toBe(true)
    expect(withNewEffect(draft)).toBeUndefined()
  })

  it('adds the critical work first and once, and one throw or redirect, last', () => {
    const effects = withNewEffect({ rows: [], stream: null })!
    const worked = withStep(effects, 'work')!
    expect(worked.rows[0]).toEqual({ kind: 'work', ms: expect.any(String) })
    expect(withStep(worked, 'work')).toBeUndefined()
    const thrown = withStep(worked, 'throw')!
    expect(thrown.rows.at(-1)).toEqual({ kind: 'throw' })
    expect(withStep(thrown, 'redirect')).toBeUndefined()
  })

  it('moves a row within the steps only, and removes one', () => {
    const draft = withStep(withNewEffect(draftOf(PRESETS[0]!.steps))!, 'throw')!
    expect(moved(draft, 0, -1)).toBeUndefined()
    expect(moved(draft, draft.rows.length - 1, 1)).toBeUndefined()
    const up = moved(draft, 3, -1)!
    expect(draftText(up)).toBe('work:50,after:audit-log:1000,throw,after:analytics:1000')
    expect(draftText(without(up, 2))).toBe('work:50,after:audit-log:1000,after:analytics:1000')
  })

  it('writes a stream last, with its chunks as typed', () => {
    expect(draftText({ rows: [{ kind: 'work', ms: '10' }], stream: '3' })).toBe('work:10,stream:3')
    expect(parsed({ rows: [], stream: '0' })).toEqual({ error: expect.objectContaining({ position: 1, text: 'stream:0' }) })
  })
})
