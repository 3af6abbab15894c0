import { handlerSteps, stepCode } from './steps'
import { SIDE_EFFECTS, STREAM_CALL, WORK_CALL, type Step } from './types'

/** Where the shown code imports its calls from: the module a reader's own app would have. */
export const SERVICES_MODULE = '@/lib/services'

/** The functions the shown code calls, in the order a formatter would sort them. */
function calls(steps: readonly Step[]): string[] {
  const names = steps.map((step) =>
    step.kind === 'work' ? WORK_CALL : step.kind === 'effect' ? SIDE_EFFECTS[step.name].call : step.kind === 'stream' ? STREAM_CALL : undefined,
  )
  return [...new Set(names.filter((name) => name !== undefined))].sort()
}

/**
 * The Route Handler a composition stands for, as a reader would write it in
 * their own app (`app/api/<name>/route.ts`): each step's lines come from its
 * definition in `steps.ts`, the same one the interpreter runs.
 */
export function generateHandler(steps: readonly Step[]): string {
  const imports: string[] = []
  if (steps.some((step) => step.kind === 'redirect')) imports.push(`import { redirect } from 'next/navigation'`)
  if (steps.some((step) => step.kind === 'effect' && step.style !== 'await' && step.style !== 'void')) imports.push(`import { after } from 'next/server'`)
  const called = calls(steps)
  if (called.length) imports.push(`import { ${called.join(', ')} } from '${SERVICES_MODULE}'`)
  const body = handlerSteps(steps).flatMap(stepCode).map((line) => `  ${line}`)
  return [...imports, '', 'export async function POST() {', ...body, '}', ''].join('\n')
}
