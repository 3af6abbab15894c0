/**
 * Where the site lives and where its source is. Both come from the
 * environment at build time so that a deployment can set its own.
 */
export const site = {
  name: 'after-guide',
  tagline: 'Use after() for non-blocking operations, proved live',
  origin: (process.env.NEXT_PUBLIC_SITE_URL || 'http://localhost:3000').replace(/\/$/, ''),
  repository: process.env.NEXT_PUBLIC_REPOSITORY_URL || 'https://github.com/after-guide/after-guide',
}
