// The demo servers' path prefixes: plain values, safe in the browser (the live demos' client reads them).

/**
 * The path prefix of the Next.js 16 demo server, on its own origin and on the
 * site's (next16/next.config.mjs uses it as its `basePath`; a unit test holds
 * the two together), so its pages' links, assets and Server Actions work on both.
 */
export const NEXT16_BASE = '/next16'

/**
 * The path prefix of the Cache Components demo server: Next.js 16 built with
 * `cacheComponents: true` (next16/cache-components), a server of its own
 * because that option changes how every page of a build renders.
 */
export const CACHE_COMPONENTS_BASE = '/next16-cc'
