import { useRouter } from 'next/router'
import { useCallback, useMemo } from 'react'
import type { ParamSpecs } from '../../demos/scenarios'

/**
 * Demo parameters kept in the page's query string, so a pasted link
 * reproduces the setup: each as the URL gives it, even out of range (the
 * form then says what is wrong instead of quietly using another value), or
 * its default when the URL has none.
 */
export function useUrlParams(specs: ParamSpecs): [Record<string, string>, (next: Record<string, number>) => void] {
  const router = useRouter()
  const values = useMemo(() => {
    const result: Record<string, string> = {}
    for (const [name, spec] of Object.entries(specs)) {
      const raw = router.query[name]
      result[name] = typeof raw === 'string' ? raw : String(spec.default)
    }
    return result
  }, [router.query, specs])

  const update = useCallback(
    (next: Record<string, number>) => {
      // A route change re-renders the whole page (a long task on a slow phone): none when the URL already says it.
      if (Object.entries(next).every(([name, value]) => router.query[name] === String(value))) return
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
