import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine'
import { eachVersion, post, readEvents } from '../support/api'
import { callAction, pageRun } from '../support/surfaces'

const COOKIE = 'after-guide-visitor=demo-truth-test'
const AGENT = 'after-guide-truth-test/1.0'

const details = (events: Awaited<ReturnType<typeof readEvents>>['events'], type: string) =>
  events.filter((event) => event.type === type).map((event) => event.detail ?? '')

eachVersion((version) => describe('request context inside after() (truth tests against next start)', () => {
  it('Route Handler: request.headers captured in the closure works in the callback', async () => {
    const { body } = await post('/api/demos/after?work=0&effect=10', { headers: { 'User-Agent': AGENT } })
    const { events } = await readEvents((JSON.parse(body) as { runId: string }).runId)
    expect(details(events, EVENTS.effectLogged)).toContain(`userAgent: ${AGENT}`)
  })

  it('Route Handler: headers() and cookies() work in the callback; cookies().set() throws', async () => {
    const { body } = await post('/api/demos/request-context?work=0&effect=10', { headers: { 'User-Agent': AGENT, Cookie: COOKIE } })
    const { events, end } = await readEvents((JSON.parse(body) as { runId: string }).runId)
    expect(end).toBe('complete')
    const logged = details(events, EVENTS.effectLogged)
    expect(logged).toContain(`userAgent: ${AGENT}`)
    expect(logged).toContain('visitor: demo-truth-test')
    expect(details(events, EVENTS.contextThrew)[0]).toMatch(/^Cookies can only be modified in a Server Action or Route Handler/)
  })

  it('Server Action: headers() and cookies() work in the callback; cookies().set() throws', async () => {
    const { result } = await callAction<{ runId: string }>(
      '/demos/request-context-action',
      'app/demos/request-context-action/actions.ts',
      'logVisit',
      ['work=0&effect=10'],
      { 'User-Agent': AGENT, Cookie: COOKIE },
    )
    const { events, end } = await readEvents(result.runId)
    expect(end).toBe('complete')
    const logged = details(events, EVENTS.effectLogged)
    expect(logged).toContain(`userAgent: ${AGENT}`)
    expect(logged).toContain('visitor: demo-truth-test')
    expect(details(events, EVENTS.contextThrew)[0]).toMatch(/^Cookies can only be modified in a Server Action or Route Handler/)
  })

  it('Server Component: headers() and cookies() inside the callback throw; the value read during render works', async () => {
    const { runId } = await pageRun('/demos/request-context-page?work=0&effect=10', { headers: { 'User-Agent': AGENT } })
    const { events, end } = await readEvents(runId)
    expect(end).toBe('complete')
    expect(details(events, EVENTS.effectLogged)).toContain(`userAgent: ${AGENT}`)
    const [headersError, cookiesError] = details(events, EVENTS.contextThrew)
    // The same refusal on both; Next.js 16 words it differently and says what to do instead.
    const refusal = (api: string) =>
      version.name === '15.5'
        ? `Route /demos/request-context-page used "${api}" inside "after(...)". This is not supported.`
        : `Route /demos/request-context-page used \`${api}()\` inside \`after()\` while rendering. This is not supported. If you need this data inside an \`after()\` callback, use \`${api}()\` outside of the callback.`
    expect(headersError!.startsWith(refusal('headers')), headersError).toBe(true)
    expect(cookiesError!.startsWith(refusal('cookies')), cookiesError).toBe(true)
  })
}))

eachVersion(() => describe('the demo cookie', () => {
  it('is HttpOnly, SameSite=Lax, scoped to the site, and not Secure over plain HTTP', async () => {
    const { response, body } = await post('/api/demo-cookie')
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie')!
    const { value } = JSON.parse(body) as { value: string }
    expect(value).toMatch(/^demo-[A-Za-z0-9_-]{8}$/)
    expect(cookie).toMatch(new RegExp(`^after-guide-visitor=${value}; `))
    expect(cookie).toContain('; HttpOnly')
    expect(cookie).toContain('; SameSite=Lax')
    expect(cookie).toContain('; Path=/')
    expect(cookie).toContain('; Max-Age=3600')
    expect(cookie).not.toContain('Secure')
  })

  it('is Secure when the site is served over HTTPS (behind a TLS proxy)', async () => {
    const { response } = await post('/api/demo-cookie', { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/)
  })
}))
