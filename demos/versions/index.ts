/**
 * Which Next.js runs the demos: the version this code was built against, the
 * server process's own, and the demo servers (Next.js 16, and Next.js 16
 * with Cache Components) the site reaches under path prefixes. Plain TypeScript; `next/package.json` is its only
 * Next.js import.
 */
export { basePath, CACHE_COMPONENTS_BASE, cacheComponentsUrl, NEXT16_BASE, next16Url, nextVersion, runVersions, servedVersion, serverNextVersion, VERSION_HEADER, type ServedVersion } from './served'
export { next16Version } from './peer'
