import { useRouter } from 'next/router'
import { useCallback, useMemo, useState } from 'react'
import type { ParamSpecs } from '../../demos/scenarios'
import { replaceQuery } from './replace-query'

/**
 * Demo parameters kept in the page's query string, so a pasted link
 * reproduces the setup: each as the URL gives it, even out of range (the
 * form then says what is wrong instead of quietly using another value), or
 * its default when the URL has none. Values the demo wrote since the page
 * loaded are its own state, so writing them re-renders the demo alone.
 */
export function useUrlParams(specs: ParamSpecs): [Record<string, string>, (next: Record<string, number>) => void] {
  const router = useRouter()
  const [written, setWritten] = useState<Record<string, string>>({})
  const values = useMemo(() => {
    const result: Record<string, string> = {}
    for (const [name, spec] of Object.entries(specs)) {
      const raw = written[name] ?? router.query[name]
      result[name] = typeof raw === 'string' ? raw : String(spec.default)
    }
    return result
  }, [router.query, specs, written])

  const update = useCallback((next: Record<string, number>) => {
    const entries = Object.fromEntries(Object.entries(next).map(([name, value]) => [name, String(value)]))
    if (replaceQuery(entries)) setWritten((last) => ({ ...last, ...entries }))
  }, [])
  return [values, update]
}
