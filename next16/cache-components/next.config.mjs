import next16 from '../next.config.mjs'

/**
 * The Cache Components demo: the Next.js 16 demo server's config with
 * `cacheComponents: true`, a server of its own because the option changes how
 * every page of a build renders (the other demos are built without it, as most
 * apps are). It serves one demo page and the endpoints its runs need, under one
 * path prefix, the same here and through the site's own origin.
 */
const basePath = '/next16-cc'

export default {
  ...next16,
  basePath,
  cacheComponents: true,
  // What Next.js 16 asks apps that turn Cache Components on to turn on with it.
  partialPrefetching: true,
  env: { AFTER_GUIDE_BASE_PATH: basePath, AFTER_GUIDE_SITE_DIR: '../..' },
  // The site's own root (its lockfile) holds the hoisted node_modules.
  turbopack: { root: import.meta.dirname + '/../..' },
}
