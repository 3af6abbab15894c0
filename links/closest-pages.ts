import type { PageLine } from './page-lines'

/** `/Notes/Failure/?x#y` -> `/notes/failure`: the part of an address that names a page. */
export function requestedPath(address: string): string {
  let path = address.split(/[?#]/)[0]!
  try {
    path = decodeURIComponent(path)
  } catch {
    // A malformed escape: compare the address as it was typed.
  }
  path = path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\.(html?|mdx?)$/, '')
    .replace(/\/(index)?$/, '')
  return path.startsWith('/') ? path : `/${path}`
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'))

/**
 * How far an address is from a page: edits between the two paths, or between
 * their last segments plus a small cost when the folder differs (so `/failure`
 * finds `/notes/failures`); an address below a page's path is one step, plus
 * one per extra segment, from it (`/notes/failures/x` is nearer that page than `/notes`).
 */
function distance(requested: string, route: string): number {
  if (route !== '/' && requested.startsWith(`${route}/`)) return 1 + requested.slice(route.length + 1).split('/').length
  const whole = editDistance(requested, route)
  const last = editDistance(lastSegment(requested), lastSegment(route)) + (folderOf(requested) === folderOf(route) ? 0 : 2)
  return Math.min(whole, last)
}

/** The `count` pages whose paths are closest to `address`, nearest first; ties keep the sidebar's order. */
export function closestPages(address: string, pages: readonly PageLine[], count = 5): PageLine[] {
  const requested = requestedPath(address)
  return pages
    .map((page, order) => ({ page, order, distance: distance(requested, page.route) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, count)
    .map(({ page }) => page)
}
