import { randomBytes } from 'node:crypto'
import { readQuery, withErrorResponse } from '../admission'

/** The cookie the request-context demos read back inside after(). It identifies nothing but a demo visit. */
export const DEMO_COOKIE = 'after-guide-visitor'

const MAX_AGE_S = 60 * 60

/** Whether the visitor reached the site over HTTPS, directly or through a proxy that says so. */
function servedOverHttps(request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true
  return request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
}

/** `Set-Cookie` for the demo cookie: unreadable by scripts, not sent cross-site, HTTPS-only when the site is. */
function demoCookieHeader(value: string, secure: boolean): string {
  return [`${DEMO_COOKIE}=${value}`, 'Path=/', `Max-Age=${MAX_AGE_S}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ')
}

/** `POST /api/demo-cookie` gives the visitor a new random demo cookie. */
export const demoCookieResponse = withErrorResponse((request: Request): Response => {
  readQuery(request, [])
  const secure = servedOverHttps(request)
  const value = `demo-${randomBytes(6).toString('base64url')}`
  return Response.json({ cookie: DEMO_COOKIE, value }, { headers: { 'Set-Cookie': demoCookieHeader(value, secure), 'Cache-Control': 'no-store' } })
})
