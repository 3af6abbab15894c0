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
  env: { AFTER_GUIDE_BASE_PATH: basePath, AFTER_GUIDE_SITE_DIR: '..' },
  // The shared code is type-checked once, against the site's Next.js 15.5 (`npm run typecheck`); the 16 forms in
  // overrides/ are not. After `node sync.mjs`, `npx tsc --noEmit -p next16` checks the copy against 16 (clean when
  // last run), but not on every build: CI has no minute to spare.
  typescript: { ignoreBuildErrors: true },
  // As on the site: ioredis is loaded by Node.js at run time, not bundled (the Redis backend, AFTER_GUIDE_REDIS_URL).
  serverExternalPackages: ['ioredis'],
  // The site's own root (its lockfile) holds the hoisted node_modules.
  turbopack: { root: import.meta.dirname + '/..' },
}
