import { describeRange, type ParamSpec } from '../scenarios/types'

/**
 * What is wrong with a parameter as the visitor typed it (or the URL gave
 * it), in the server's wording (`describeRange`), or undefined when it is a
 * value the server accepts. A blank field is an error, not a zero.
 */
export function paramError(spec: ParamSpec, raw: string | undefined): string | undefined {
  const text = (raw ?? '').trim()
  if (text === '') return `${spec.label} is empty: it must be ${describeRange(spec)}.`
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < spec.min || value > spec.max) return `${spec.label} must be ${describeRange(spec)}.`
  return undefined
}
