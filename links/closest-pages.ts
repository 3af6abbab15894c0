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
 * finds `/notes/failures`), whichever is less; an address with segments too many
 * is also measured with them trimmed, two steps per segment trimmed (so
 * `/use-case/analytics` finds `/use-cases`, and `/notes/failures/x` that page
 * before `/notes`, while `/notes/failure` is a typo of `/notes/failures`, not `/notes`).
 */
function distance(requested: string, route: string): number {
  const segments = requested.split('/').slice(1)
  let best = Number.MAX_SAFE_INTEGER
  for (let trimmed = 0; trimmed < segments.length; trimmed++) {
    const path = `/${segments.slice(0, segments.length - trimmed).join('/')}`
    const whole = editDistance(path, route)
    const last = editDistance(lastSegment(path), lastSegment(route)) + (folderOf(path) === folderOf(route) ? 0 : 2)
    best = Math.min(best, 2 * trimmed + Math.min(whole, last))
  }
  return best
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
