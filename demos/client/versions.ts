import type { ServedVersion } from '../versions'
import { RunRequestError } from './run-error'

/*
 * Which Next.js a demo runs on, as the page's `?next=` says: a major version
 * the catalogue lists (`15`, `16`), or `both`. Nothing here names a version:
 * the choices are whatever `GET /api/demos` answers in `versions`.
 */

export const BOTH = 'both'

/** A version's key in the URL and in the choice: its major number. */
export const versionKey = (version: ServedVersion): string => version.next.split('.')[0]!

/**
 * The versions `choice` runs on, in the catalogue's order (the site's own
 * first), or what is wrong with it. No choice is the site's own version.
 */
export function chosenVersions(choice: string | undefined, versions: readonly ServedVersion[]): ServedVersion[] | { error: string } {
  if (choice === undefined || choice === '') return versions.slice(0, 1)
  if (choice === BOTH) return versions.length > 1 ? [...versions] : { error: 'Only one Next.js version is served here, so "both" cannot run.' }
  const found = versions.filter((version) => versionKey(version) === choice)
  if (found.length > 0) return found
  return { error: `next must be one of ${[...versions.map(versionKey), BOTH].join(', ')}; this site serves no Next.js ${choice}.` }
}

/** The Next.js versions that serve the demos on this origin, from the catalogue. */
export async function fetchVersions(signal?: AbortSignal): Promise<ServedVersion[]> {
  const response = await fetch('/api/demos', { signal })
  if (!response.ok) throw new RunRequestError(`The demo catalogue answered ${response.status}.`, response.status)
  return ((await response.json()) as { versions: ServedVersion[] }).versions
}
