/**
 * Writes `entries` into the page's query string in place, without a route
 * change: a Pages Router `router.replace`, even shallow, re-renders the whole
 * page (a long task on a slow phone) for what is only a shareable link. The
 * router's own history state is kept, with the new address in it, so Back and
 * Forward still work. Returns whether anything changed.
 */
export function replaceQuery(entries: Record<string, string>): boolean {
  const url = new URL(window.location.href)
  const changed = Object.entries(entries).filter(([name, value]) => url.searchParams.get(name) !== value)
  if (changed.length === 0) return false
  for (const [name, value] of changed) url.searchParams.set(name, value)
  const address = `${url.pathname}${url.search}${url.hash}`
  const state: unknown = window.history.state
  const kept = state && typeof state === 'object' ? { ...state, url: `${url.pathname}${url.search}`, as: address } : state
  window.history.replaceState(kept, '', address)
  return true
}
