import { useRouter } from 'next/router'
import { useCallback, useMemo } from 'react'
import type { ParamSpecs } from '../../demos/scenarios'

/**
 * Demo parameters kept in the page's query string, so a pasted link
 * reproduces the setup. Values outside a parameter's bounds fall back to its
 * default here; the server would refuse them anyway.
 */
export function useUrlParams(specs: ParamSpecs): [Record<string, number>, (next: Record<string, number>) => void] {
  const router = useRouter()
  const values = useMemo(() => {
    const result: Record<string, number> = {}
    for (const [name, spec] of Object.entries(specs)) {
      const raw = router.query[name]
      const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN
      result[name] = value >= spec.min && value <= spec.max ? value : spec.default
    }
    return result
  }, [router.query, specs])

  const update = useCallback(
    (next: Record<string, number>) => {
      const query = { ...router.query }
      for (const [name, value] of Object.entries(next)) query[name] = String(value)
      void router.replace({ pathname: router.pathname, query, hash: window.location.hash.slice(1) || undefined }, undefined, {
        shallow: true,
        scroll: false,
      })
    },
    [router],
  )
  return [values, update]
}
