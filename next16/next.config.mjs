/**
 * The demo surfaces on Next.js 16. Everything lives under one path prefix,
 * the same on this server and through the site's rewrite, so the pages'
 * own links, assets and Server Action calls work on either origin.
 */
const basePath = '/next16'

export default {
  basePath,
  poweredByHeader: false,
  reactStrictMode: true,
  // The shared code reads the prefix to tell the catalogue where its demos answer.
  env: { AFTER_GUIDE_BASE_PATH: basePath },
  // The shared code is type-checked once, against the site's Next.js 15.5 (`npm run typecheck`). Against 16 it
  // differs where the API did: revalidateTag(tag) asks for a second argument there (it still runs, deprecated).
  typescript: { ignoreBuildErrors: true },
  // As on the site: ioredis is loaded by Node.js at run time, not bundled (the Redis backend, AFTER_GUIDE_REDIS_URL).
  serverExternalPackages: ['ioredis'],
  // The site's own root (its lockfile) holds the hoisted node_modules.
  turbopack: { root: import.meta.dirname + '/..' },
}
