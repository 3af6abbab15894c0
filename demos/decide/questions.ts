/**
 * The "Does this belong in after()?" check: yes/no questions asked in order.
 * A "yes" to a question with a `yes` verdict ends the check there; when every
 * question is answered without ending it, the verdict is `allNo`. Plain data
 * and pure functions, so every path is unit-tested and the URL can carry it.
 */

export type Answer = 'yes' | 'no'

interface Verdict {
  id: string
  /** Whether after() is the right place for the work: yes, no, or yes within the limits the summary names. */
  fits: 'yes' | 'no' | 'within-limits'
  title: string
  summary: string
  /** The section of the site that explains the verdict. */
  href: string
}

export interface Question {
  /** The query-string key that stores the answer. */
  id: string
  text: string
  hint: string
  /** The verdict a "yes" leads to; a "no" moves on to the next question. */
  yes: Verdict
}

export const questions: readonly Question[] = [
  {
    id: 'response',
    text: 'Does the response depend on the result (its body, status code, headers or a redirect)?',
    hint: 'For example: the new record’s id, a price you compute, a "payment declined" status.',
    yes: {
      id: 'changes-response',
      fits: 'no',
      title: 'Not in after(): the response depends on it',
      summary: 'An after() callback runs once the response has been sent, so nothing it produces can reach that response. Await it in the handler, in parallel with other critical work where you can.',
      href: '/not-suitable#changes-response',
    },
  },
  {
    id: 'client',
    text: 'Does the client need the result straight away, to show it or to act on it?',
    hint: 'For example: a generated download link, a thumbnail the next screen displays, a fresh session.',
    yes: {
      id: 'client-needs-data',
      fits: 'no',
      title: 'Not in after(): the client needs the data now',
      summary: 'The client has its response before the callback starts, and after() has no channel back to it. Return the data in the response, or make the work a job the client can poll.',
      href: '/not-suitable#client-needs-data',
    },
  },
  {
    id: 'failure',
    text: 'Must the caller learn that it failed, so it can retry, roll back or show an error?',
    hint: 'For example: charging a card, reserving stock, saving the user’s own data.',
    yes: {
      id: 'critical-error-handling',
      fits: 'no',
      title: 'Not in after(): its failure must be handled in the request',
      summary: 'An error in an after() callback never changes the response: the caller gets its 200 either way. Await the work and turn its failure into the response.',
      href: '/not-suitable#critical-error-handling',
    },
  },
  {
    id: 'before',
    text: 'Must it have finished before the response arrives, because the next request relies on it?',
    hint: 'For example: a write the page the client loads next will read, a lock released before the client retries.',
    yes: {
      id: 'must-complete',
      fits: 'no',
      title: 'Not in after(): it must complete before responding',
      summary: 'A callback starts when the response has been sent, so the client can send its next request while the work is still running. Await it before you respond.',
      href: '/not-suitable#must-complete',
    },
  },
  {
    id: 'durable',
    text: 'Would it be unacceptable to lose it if the server crashed or was redeployed right after responding?',
    hint: 'For example: an invoice email, a webhook a partner bills from, a compliance audit record.',
    yes: {
      id: 'durable-queue',
      fits: 'no',
      title: 'Not in after() alone: put it on a durable queue',
      summary: 'Pending callbacks live in the server process and are lost with it. Write the job to a durable queue or outbox (awaited, in the request, if it must never be lost) and let a worker with retries do the work.',
      href: '/use-cases#durable-work',
    },
  },
  {
    id: 'heavy',
    text: 'Could it run for a long time or keep a CPU core busy (large images, big exports)?',
    hint: 'On serverless platforms a callback may run only as long as the route’s maxDuration; on one server it competes with requests.',
    yes: {
      id: 'bounded',
      fits: 'within-limits',
      title: 'Use after(), within its limits',
      summary: 'The response no longer waits for it, but the work still runs in the same process and, on serverless platforms, within the route’s maximum duration. Keep it short, or move heavy work to a separate worker.',
      href: '/use-cases#image-processing',
    },
  },
]

export const allNo: Verdict = {
  id: 'use-after',
  fits: 'yes',
  title: 'Use after()',
  summary: 'Nothing the response or the client needs depends on this work, and losing it on a crash would be acceptable: schedule it with after() so the visitor stops waiting for it.',
  href: '/use-cases',
}

/** Answers by question id; only questions on the path the answers take. */
export type Answers = Readonly<Record<string, Answer>>

type Step =
  | { kind: 'question'; question: Question; index: number }
  | { kind: 'verdict'; verdict: Verdict }

const isAnswer = (value: unknown): value is Answer => value === 'yes' || value === 'no'

/**
 * The answers that are on the path: in question order, up to the first
 * unanswered question or the first "yes". Anything else (unknown keys,
 * invalid values, answers to questions the path never reaches) is dropped.
 */
export function onPath(answers: Readonly<Record<string, unknown>>): Answers {
  const kept: Record<string, Answer> = {}
  for (const question of questions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined
    if (!isAnswer(value)) break
    kept[question.id] = value
    if (value === 'yes') break
  }
  return kept
}

/** Where the answers lead: the next question, or the verdict. */
export function nextStep(answers: Answers): Step {
  const path = onPath(answers)
  for (const [index, question] of questions.entries()) {
    const value = path[question.id]
    if (value === undefined) return { kind: 'question', question, index }
    if (value === 'yes') return { kind: 'verdict', verdict: question.yes }
  }
  return { kind: 'verdict', verdict: allNo }
}

/** Records an answer; answers to later questions are dropped when they fall off the path. */
export function answer(answers: Answers, questionId: string, value: Answer): Answers {
  return onPath({ ...answers, [questionId]: value })
}

/** Reads answers from the Next.js router's query. A repeated key arrives as an array, so it counts as unanswered. */
export function answersFromQuery(query: Readonly<Record<string, string | string[] | undefined>>): Answers {
  return onPath(Object.fromEntries(questions.map((question) => [question.id, query[question.id]])))
}

/** The answers as a query string in question order ('' when there are none). */
export function answersToQuery(answers: Answers): string {
  const path = onPath(answers)
  return new URLSearchParams(questions.filter((q) => path[q.id]).map((q) => [q.id, path[q.id]!])).toString()
}
