import { readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
// Imported beside `next/server` on purpose: a bundler resolves it the way it resolves the demos' own `next/*`
// imports, so it names the Next.js whose after() and request stores this code was built against.
import nextPackage from 'next/package.json'
import { CACHE_COMPONENTS_BASE, NEXT16_BASE } from './bases'

export { CACHE_COMPONENTS_BASE, NEXT16_BASE }

/** The Next.js this code's own `next/*` imports resolved to when it was built. */
export const nextVersion: string = nextPackage.version

/**
 * The Next.js whose server runs this process: the `next` package that holds
 * the script the process was started with (`next start` runs its own
 * `dist/bin/next`). Read from disk at run time, so a bundle built against one
 * Next.js and served by another shows it. `null` outside a Next.js server.
 */
function readServerNextVersion(): string | null {
  const script = process.argv[1]
  if (!script) return null
  let dir = path.dirname(realpathSync(script))
  for (;;) {
    try {
      const found = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (found.name === 'next' && found.version) return found.version
    } catch {
      // no package.json at this level
    }
    const parent = path.dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

let serverVersion: string | null | undefined
export function serverNextVersion(): string | null {
  if (serverVersion === undefined) serverVersion = readServerNextVersion()
  return serverVersion
}


/**
 * Where this server's demos answer on its origin: the Next.js 16 build sets
 * AFTER_GUIDE_BASE_PATH to its base path at build time; the site's own server
 * answers at the root.
 */
export const basePath: string = process.env.AFTER_GUIDE_BASE_PATH ?? ''


/** Where the site's own server reaches a demo server, from its variable or the default port; none on a demo server. */
function demoServerUrl(variable: string, port: number): string | undefined {
  if (basePath !== '') return undefined
  return (process.env[variable] || `http://127.0.0.1:${port}`).replace(/\/$/, '')
}

/**
 * The Next.js 16 demo server the site reaches under NEXT16_BASE, read when
 * the server starts (AFTER_GUIDE_NEXT16_URL, `http://127.0.0.1:3016` by default).
 */
export const next16Url = (): string | undefined => demoServerUrl('AFTER_GUIDE_NEXT16_URL', 3016)

/** The Cache Components demo server the site reaches under CACHE_COMPONENTS_BASE (AFTER_GUIDE_CACHE_COMPONENTS_URL, port 3017 by default). */
export const cacheComponentsUrl = (): string | undefined => demoServerUrl('AFTER_GUIDE_CACHE_COMPONENTS_URL', 3017)

/** This server's entry in the catalogue's `versions`. */
export interface ServedVersion {
  /** The Next.js the demos' code was built against (`nextVersion`). */
  next: string
  /** The Node.js that runs them. */
  node: string
  /** The path prefix under which this version's endpoints answer on the site's origin; "" for the site's own server. */
  base: string
}

export const servedVersion = (): ServedVersion => ({ next: nextVersion, node: process.version, base: basePath })

/** What every run reports about the server that ran it. */
export const runVersions = () => ({ nextVersion, serverNextVersion: serverNextVersion() })

/** The response header that names the version on every run's response and event stream. */
export const VERSION_HEADER = 'X-Next-Version'
