import { NEXT16_BASE, next16Url, type ServedVersion } from './served'

const PEER_TIMEOUT_MS = 2_000

let known: ServedVersion | undefined

/**
 * The Next.js 16 demo server's own entry, asked of it (never typed here) and
 * kept once it answered; `undefined` while it does not answer, so the site
 * still lists its own version, and asks again next time.
 */
export async function next16Version(): Promise<ServedVersion | undefined> {
  const url = next16Url()
  if (!url || known) return known
  try {
    const response = await fetch(`${url}${NEXT16_BASE}/api/demos`, { signal: AbortSignal.timeout(PEER_TIMEOUT_MS), cache: 'no-store' })
    if (!response.ok) return undefined
    const { versions } = (await response.json()) as { versions?: ServedVersion[] }
    known = versions?.find((version) => version.base === NEXT16_BASE)
  } catch {
    // not up (yet): the site's own version is listed alone
  }
  return known
}
