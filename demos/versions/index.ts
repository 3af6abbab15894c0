/**
 * Which Next.js runs the demos: the version this code was built against, the
 * server process's own, and the Next.js 16 demo server the site reaches
 * under a path prefix. Plain TypeScript; `next/package.json` is its only
 * Next.js import.
 */
export { basePath, NEXT16_BASE, next16Url, nextVersion, runVersions, servedVersion, serverNextVersion, VERSION_HEADER, type ServedVersion } from './served'
export { next16Version } from './peer'
