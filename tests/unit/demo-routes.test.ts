import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { scenarios } from '@/demos/scenarios'

/**
 * Adding a Route Handler demo takes a scenario and a route folder of the same
 * name; these checks fail when either is missing or the two disagree. Route
 * files are read as text, as a reader sees them.
 */
const ROUTES = path.join(process.cwd(), 'app', 'api', 'demos')

/** Route folders with a fixed name: `[scenario]` answers the unknown ones. */
const routeFolders = readdirSync(ROUTES, { withFileTypes: true })
  // `compose` runs the playground's composed handlers, not a scenario of its own (demos/compose).
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('[') && entry.name !== 'compose')
  .map((entry) => entry.name)

const routeFile = (name: string) => path.join(ROUTES, name, 'route.ts')

/** Every scenario name a route file passes to demoRoute(). */
const demoRouteNames = (source: string) => [...source.matchAll(/demoRoute\(\s*(['"`])([^'"`]*)\1/g)].map((match) => match[2])

describe('Route Handler demos: scenarios and route folders', () => {
  it('every scenario has a route file under app/api/demos/<name>/', () => {
    const missing = Object.keys(scenarios).filter((name) => !existsSync(routeFile(name)))
    expect(missing).toEqual([])
  })

  it('every route folder under app/api/demos/ has a scenario', () => {
    expect(routeFolders.filter((name) => !Object.hasOwn(scenarios, name))).toEqual([])
  })

  it.each(routeFolders)('app/api/demos/%s/route.ts passes its own scenario to demoRoute, once', (name) => {
    expect(demoRouteNames(readFileSync(routeFile(name), 'utf8'))).toEqual([name])
  })

  it("each scenario's listing is its own route file", () => {
    for (const [name, scenario] of Object.entries(scenarios)) expect(scenario.source).toBe(`app/api/demos/${name}/route.ts`)
  })
})
