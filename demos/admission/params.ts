import { describeRange, type ParamSpecs, type ParamValues } from '../scenarios'
import { invalidParameter as invalid } from './errors'

const WHOLE_NUMBER = /^\d{1,7}$/

/** Refuses any parameter not in `known`, and any given twice. */
export function checkKeys(query: URLSearchParams, known: readonly string[]): void {
  const seen = new Set<string>()
  for (const key of query.keys()) {
    if (!known.includes(key)) {
      const allowed = known.length ? known.join(', ') : 'no parameters'
      throw invalid(key.slice(0, 64), `Unknown parameter "${key.slice(0, 64)}".`, allowed)
    }
    if (seen.has(key)) throw invalid(key, `Parameter "${key}" is given more than once.`, 'one value')
    seen.add(key)
  }
}

/**
 * Reads a scenario's parameters from a query string. Anything the scenario
 * does not declare, any repeat, and anything but an in-range whole number is
 * refused with the field's name and what it accepts.
 */
export function parseParams<S extends ParamSpecs>(specs: S, query: URLSearchParams): ParamValues<S> {
  checkKeys(query, Object.keys(specs))

  const values: Record<string, number> = {}
  for (const [name, spec] of Object.entries(specs)) {
    const raw = query.get(name)
    if (raw === null || raw === '') {
      values[name] = spec.default
      continue
    }
    const value = WHOLE_NUMBER.test(raw) ? Number(raw) : NaN
    if (!(value >= spec.min && value <= spec.max)) {
      throw invalid(name, `"${name}" must be ${describeRange(spec)}.`, `${spec.min}-${spec.max}`)
    }
    values[name] = value
  }
  return values as ParamValues<S>
}
