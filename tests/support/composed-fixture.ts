import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generateHandler, parseComposition, type Step } from '@/demos/compose'
import { fixtureDir } from './fixture-app'

/**
 * The fixture app tests/integration/compose-equivalence.test.ts builds each composition's generated Route Handler
 * into, and the compositions: written into it before it is built (writeComposedRoutes), whether by that test or by
 * the fixture builds `npm test` makes first (build-fixtures.ts), so that both build the same app.
 */
export const COMPOSED_FIXTURE = 'composed-handlers'

export const COMPOSITIONS = [
  'work:20',
  'work:20,await:email:30',
  'work:20,void:analytics:1500',
  'work:20,after:audit-log:30',
  'work:10,after:audit-log:30,await:email:20,void:analytics:1500',
  'after:audit-log:30,nested:webhook:20',
  'after:audit-log:60,nested-first:webhook:20',
  'after:cache-purge:20,after:search-index:80',
  'work:10,await:email:20:fails',
  'after:audit-log:20,await:email:20:fails,after:webhook:20',
  'work:10,void:analytics:1500:fails',
  'after:webhook:20:fails',
  'after:audit-log:30,nested:email:20:fails',
  'after:audit-log:20:fails,nested:webhook:20',
  'after:audit-log:20:fails,nested-first:webhook:60',
  'work:10,throw',
  'after:audit-log:20,work:10,throw,await:email:10',
  'void:analytics:1500,throw',
  'work:10,redirect',
  'after:search-index:20,redirect,after:webhook:20',
  'stream:3',
  'work:10,after:audit-log:20,stream:2',
  'void:analytics:100,stream:2',
  'await:email:20,void:analytics:1500:fails,after:audit-log:20,nested-first:webhook:40,after:cache-purge:70,stream:2',
  'work:10,await:email:10,void:analytics:1500,after:audit-log:20,nested:webhook:10,after:cache-purge:400,after:search-index:700',
]

const composedRoutes = path.join(fixtureDir(COMPOSED_FIXTURE, '15.5'), 'app/composed')

export function stepsOf(text: string): Step[] {
  const parsed = parseComposition(text)
  if ('error' in parsed) throw new Error(`${text}: ${parsed.error.message}`)
  return parsed.steps
}

/** Each composition's generateHandler output, unchanged, as the fixture's route `/composed/<index>`. */
export function writeComposedRoutes(): void {
  COMPOSITIONS.forEach((text, index) => {
    const dir = path.join(composedRoutes, String(index))
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'route.ts'), generateHandler(stepsOf(text)))
  })
}

/** Never committed: removed once built and served. */
export function removeComposedRoutes(): void {
  rmSync(composedRoutes, { recursive: true, force: true })
}
