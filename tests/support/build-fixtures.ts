/**
 * Builds every fixture app the integration tests serve or check the build of, one after another, before the tests
 * start: `npm test` runs it beside the site's build (`npm run build -- --fixtures`), whose webpack keeps one core busy
 * and leaves the other mostly idle. The tests then reuse these builds (fixture-app.ts stamps each with the hash of
 * what it was built from) instead of making them while other files time their demos. A test file still builds any
 * fixture missing here, or changed since, itself. A build that fails is no failure of this step: some fixtures are
 * built to fail, and the tests read what each build printed.
 */
import { COMPOSED_FIXTURE, removeComposedRoutes, writeComposedRoutes } from './composed-fixture'
import { fixtureBuilds, type FixtureVersion } from './fixture-app'
import { wantedVersions } from './server'

/** Each fixture and the versions whose tests use it, the longest builds first. */
const FIXTURES: Array<[name: string, versions: FixtureVersion[]]> = [
  ['after-upstream', ['15.5', '16']],
  [COMPOSED_FIXTURE, ['15.5', '16']],
  ['after-cache-components', ['16']],
  ['after-throws-in-static-params', ['15.5', '16']],
  ['after-pages-router', ['15.5', '16']],
  ['after-throws-at-build', ['15.5']],
]

async function buildAll(): Promise<void> {
  const fixtures = fixtureBuilds()
  writeComposedRoutes()
  try {
    for (const [name, versions] of FIXTURES) {
      for (const version of versions.filter((wanted) => wantedVersions.includes(wanted))) {
        const { code, seconds, reused } = await fixtures.build(name, version)
        console.log(`${name}@${version}: ${reused ? 'built before, reused' : `built in ${seconds} s`}${code === 0 ? '' : ` (next build exited with ${code})`}`)
      }
    }
  } finally {
    removeComposedRoutes()
  }
}

// A CommonJS module for tsx (the package is not "type": "module"): no top-level await.
buildAll().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
