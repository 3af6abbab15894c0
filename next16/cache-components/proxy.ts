import type { NextRequest } from 'next/server'
import { methodNotAllowedResponse, pageMethodNotAllowedResponse } from '@/demos/http'
import { demoPageRequest } from '@/demos/next'

// Admits the demo page's run before the page renders, as the site's middleware does for its demo pages.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (pathname.startsWith('/api/')) return methodNotAllowedResponse(pathname, request.method)
  return pageMethodNotAllowedResponse(request.method, request.headers) ?? demoPageRequest(request)
}

export const config = { matcher: ['/((?!_next/).*)'] }
