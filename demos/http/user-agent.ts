import { errorResponse, headerTooLarge } from '../admission'

/**
 * The longest User-Agent any page or endpoint accepts. Browsers' and crawlers' are a few hundred characters at most.
 * The bound is for Next.js itself: to tell crawlers from browsers, every page render (15.5 and 16 alike) tests the
 * User-Agent against HTML_LIMITED_BOT_UA_RE (`next/dist/shared/lib/router/utils/html-bots.js`) up to four times, and
 * its `[\w-]+-Google` branch takes time quadratic in the length of a word without that suffix: measured on this
 * machine, 3 ms for 1,000 characters, 91 ms for 8,000 and 370 ms for 16,000 (Node.js's header limit), per test. A
 * few such requests a second would keep the server's one thread busy; the fuzz test's 8,000-character one stalled
 * every other request for seconds.
 */
export const MAX_USER_AGENT_LENGTH = 512

/** A 431 naming the header when the User-Agent is longer than MAX_USER_AGENT_LENGTH, otherwise undefined. */
export function userAgentResponse(headers: Headers): Response | undefined {
  const length = headers.get('user-agent')?.length ?? 0
  if (length <= MAX_USER_AGENT_LENGTH) return undefined
  return errorResponse(headerTooLarge('user-agent', `The User-Agent header is ${length} characters long.`, `at most ${MAX_USER_AGENT_LENGTH} characters`))
}
