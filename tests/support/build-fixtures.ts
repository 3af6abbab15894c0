/**
 * Builds every fixture app the integration tests serve or check the build of, all at once, before the tests start:
 * `npm test` runs it beside the site's build (`npm run build -- --fixtures`). All at once, not one after another: on
 * a machine that other work kept busy, a chain of one build at a time got one process's share of the CPU (317 s in
 * all), and the install and build steps took 423 s where they had taken 264 s with the builds made by the tests.
 * The tests then reuse these builds (fixture-app.ts stamps each with the hash of what it was built from) instead of
 * making them while other files time their demos. A test file still builds any fixture missing here, or changed
 * since, itself. A build that fails is no failure of this step: some fixtures are built to fail, and the tests read
 * what each build printed.
 */
import { COMPOSED_FIXTURE, removeComposedRoutes, writeComposedRoutes } from './composed-fixture'
import { fixtureBuilds, type FixtureVersion } from './fixture-app'
import { wantedVersions } from './server'

/** Each fixture and the versions whose tests use it. */
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
    const wanted = FIXTURES.flatMap(([name, versions]) => versions.filter((version) => wantedVersions.includes(version)).map((version) => ({ name, version })))
    await Promise.all(
      wanted.map(async ({ name, version }) => {
        const { code, seconds, reused } = await fixtures.build(name, version)
        console.log(`${name}@${version}: ${reused ? 'built before, reused' : `built in ${seconds} s`}${code === 0 ? '' : ` (next build exited with ${code})`}`)
      }),
    )
  } finally {
    removeComposedRoutes()
  }
}

// A CommonJS module for tsx (the package is not "type": "module"): no top-level await.
buildAll().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
