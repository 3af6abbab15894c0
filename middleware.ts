import type { NextFetchEvent, NextRequest } from 'next/server'
import { auditMiddleware } from '@/app/demos/middleware/audit-middleware'
import { actionRequestResponse, formBodyResponse, methodNotAllowedResponse, pageMethodNotAllowedResponse, pagesApiBodyResponse, userAgentResponse } from '@/demos/http'
import { demoPageRequest, demoServerProxy } from '@/demos/next'

export async function middleware(request: NextRequest, event: NextFetchEvent) {
  const refusedHeader = userAgentResponse(request.headers)
  if (refusedHeader) return refusedHeader
  const onDemoServer = demoServerProxy(request)
  if (onDemoServer) return onDemoServer
  const { pathname } = request.nextUrl
  if (pathname.startsWith('/api/')) {
    return (
      methodNotAllowedResponse(pathname, request.method) ??
      formBodyResponse(request.method, request.headers) ??
      pagesApiBodyResponse(pathname, request.headers)
    )
  }
  const refused = pageMethodNotAllowedResponse(request.method, request.headers) ?? (await actionRequestResponse(request))
  if (refused) return refused
  if (pathname === '/demos/middleware') return auditMiddleware(request, event)
  return demoPageRequest(request)
}

// Every path but Next's own assets. Node.js runtime: the middleware demo
// shares the process (and its run store) with the pages.
export const config = { matcher: ['/((?!_next/).*)'], runtime: 'nodejs' }
