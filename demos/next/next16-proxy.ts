import { NextResponse, type NextRequest } from 'next/server'
import { NEXT16_BASE, next16Url } from '../versions'

/**
 * Sends a request under NEXT16_BASE on to the Next.js 16 demo server, path
 * and query unchanged (that server serves everything under the same prefix),
 * so the site reaches both versions through its own origin. Read per request
 * rather than as a build-time rewrite: the server's address is set when the
 * site starts (AFTER_GUIDE_NEXT16_URL).
 */
export function next16Proxy(request: NextRequest): NextResponse | undefined {
  const { pathname, search } = request.nextUrl
  const target = next16Url()
  if (!target || (pathname !== NEXT16_BASE && !pathname.startsWith(`${NEXT16_BASE}/`))) return undefined
  return NextResponse.rewrite(new URL(`${target}${pathname}${search}`))
}
