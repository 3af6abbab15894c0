import { NextResponse, type NextRequest } from 'next/server'
import { CACHE_COMPONENTS_BASE, cacheComponentsUrl, NEXT16_BASE, next16Url } from '../versions'

/** Each demo server's path prefix on the site's origin, and its address (none on a demo server itself). */
const demoServers = [
  { base: NEXT16_BASE, url: next16Url },
  { base: CACHE_COMPONENTS_BASE, url: cacheComponentsUrl },
]

/**
 * Sends a request under a demo server's prefix on to that server, path and
 * query unchanged (it serves everything under the same prefix), so the site
 * reaches every demo server through its own origin. Read per request rather
 * than as a build-time rewrite: the servers' addresses are set when the site
 * starts (AFTER_GUIDE_NEXT16_URL, AFTER_GUIDE_CACHE_COMPONENTS_URL).
 */
export function demoServerProxy(request: NextRequest): NextResponse | undefined {
  const { pathname, search } = request.nextUrl
  for (const { base, url } of demoServers) {
    const target = url()
    if (target && (pathname === base || pathname.startsWith(`${base}/`))) return NextResponse.rewrite(new URL(`${target}${pathname}${search}`))
  }
  return undefined
}
