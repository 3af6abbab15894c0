import { methodNotAllowedResponse } from '@/demos/http/allowed-methods'

export function middleware(request: Request) {
  return methodNotAllowedResponse(new URL(request.url).pathname, request.method)
}

export const config = { matcher: '/api/:path*' }
