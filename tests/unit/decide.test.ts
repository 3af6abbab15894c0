import { describe, expect, it } from 'vitest'
import { allNo, answer, answersFromQuery, answersToQuery, nextStep, onPath, questions, type Answers } from '@/demos/decide'

/** The answers that take the check to question `index` and answer it `last`. */
const pathTo = (index: number, last: 'yes' | 'no'): Answers =>
  Object.fromEntries(questions.slice(0, index + 1).map((q, i) => [q.id, i === index ? last : 'no']))

describe('the decision check', () => {
  it('starts with the first question', () => {
    expect(nextStep({})).toEqual({ kind: 'question', question: questions[0], index: 0 })
  })

  it.each(questions.map((question, index) => [question.id, index] as const))(
    'a "yes" to %s ends the check with its own verdict',
    (id, index) => {
      const step = nextStep(pathTo(index, 'yes'))
      expect(step).toEqual({ kind: 'verdict', verdict: questions[index]!.yes })
      expect(step.kind === 'verdict' && step.verdict.href).toMatch(/^\/(use-cases|not-suitable)#[a-z-]+$/)
      expect(id).toBe(questions[index]!.id)
    },
  )

  it.each(questions.slice(0, -1).map((question, index) => [question.id, index] as const))(
    'a "no" to %s asks the next question',
    (_id, index) => {
      expect(nextStep(pathTo(index, 'no'))).toEqual({ kind: 'question', question: questions[index + 1], index: index + 1 })
    },
  )

  it('"no" to every question says: use after()', () => {
    expect(nextStep(pathTo(questions.length - 1, 'no'))).toEqual({ kind: 'verdict', verdict: allNo })
  })

  it('gives every verdict a distinct id and a link to the section that explains it', () => {
    const verdicts = [...questions.map((q) => q.yes), allNo]
    expect(new Set(verdicts.map((v) => v.id)).size).toBe(verdicts.length)
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length)
  })

  it('gives every verdict a title that agrees with its badge: only a verdict that fits after() tells you to use it', () => {
    const verdicts = [...questions.map((q) => q.yes), allNo]
    for (const verdict of verdicts) {
      if (verdict.fits === 'no') expect(verdict.title, verdict.id).toMatch(/^Not in after\(\)/)
      else expect(verdict.title, verdict.id).toMatch(/^Use after\(\)/)
    }
    expect(questions.find((q) => q.id === 'durable')!.yes).toMatchObject({ fits: 'no', title: expect.stringMatching(/durable queue/) })
    expect(verdicts.filter((v) => v.fits === 'within-limits').map((v) => v.id)).toEqual(['bounded'])
  })

  it('drops answers that the path never reaches, and invalid ones', () => {
    expect(onPath({ response: 'yes', client: 'no' })).toEqual({ response: 'yes' })
    expect(onPath({ client: 'no' })).toEqual({})
    expect(onPath({ response: 'no', client: 'maybe', failure: 'no' })).toEqual({ response: 'no' })
    expect(onPath({ response: 'no', unknown: 'yes' })).toEqual({ response: 'no' })
  })

  it('changing an earlier answer to "yes" forgets the later ones', () => {
    const before = pathTo(3, 'no')
    expect(answer(before, 'client', 'yes')).toEqual({ response: 'no', client: 'yes' })
    expect(answer(before, 'failure', 'no')).toEqual(before)
  })

  it('round-trips answers through the query string in question order', () => {
    const answers = pathTo(4, 'yes')
    const query = answersToQuery(answers)
    expect(query).toBe('response=no&client=no&failure=no&before=no&durable=yes')
    // The router's query, as the check reads it.
    expect(answersFromQuery(Object.fromEntries(new URLSearchParams(query)))).toEqual(answers)
    expect(answersFromQuery({ response: 'no', client: 'yes', failure: 'no' })).toEqual({ response: 'no', client: 'yes' })
    expect(answersToQuery({})).toBe('')
  })

  it('treats a repeated or malformed query value as unanswered', () => {
    expect(answersFromQuery({ response: ['no', 'yes'] })).toEqual({})
    expect(answersFromQuery({ response: 'YES' })).toEqual({})
    expect(answersFromQuery({ response: 'no', client: ['yes'] })).toEqual({ response: 'no' })
    expect(answersFromQuery({ response: undefined, client: 'yes' })).toEqual({})
  })
})
