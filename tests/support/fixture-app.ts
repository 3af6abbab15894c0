import { spawn } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { next16Root } from './server'

const siteRoot = path.resolve(import.meta.dirname, '../..')

/**
 * Where a fixture app under tests/fixtures is built for a version. For 15.5 in
 * place; for 16 a copy under next16/.fixtures (never committed), so that its
 * `next/*` imports resolve to next16's own Next.js, not the site's 15.5.
 */
export function fixtureDir(name: string, version: FixtureVersion): string {
  const source = path.join(siteRoot, 'tests/fixtures', name)
  if (version === '15.5') return source
  const copy = path.join(next16Root, '.fixtures', name)
  rmSync(copy, { recursive: true, force: true })
  cpSync(source, copy, { recursive: true, filter: (file) => !file.includes(`${path.sep}.next`) })
  // What every fixture's next.config.mjs imports from beside it (`../build-config.mjs`).
  cpSync(path.join(siteRoot, 'tests/fixtures/build-config.mjs'), path.join(next16Root, '.fixtures/build-config.mjs'))
  return copy
}

export interface BuildResult {
  code: number | null
  output: string
  /** Seconds the build took, for the record in tests/README.md. */
  seconds: number
}

export type FixtureVersion = '15.5' | '16'

export interface FixtureBuild extends BuildResult {
  /** Where it was built (fixtureDir). */
  dir: string
}

/**
 * A test file's fixture builds, each made once: `build(name, version)` starts the build of a fixture for a version,
 * or returns the one started (a file starts them all at its top, so that they run at once); `removeAll()` waits for
 * every build, removes their output (`outputs`, `.next` by default) and logs how long each took, for tests/README.md.
 */
export function fixtureBuilds(outputs = ['.next']) {
  const builds = new Map<string, Promise<FixtureBuild>>()
  return {
    build(name: string, version: FixtureVersion): Promise<FixtureBuild> {
      const key = `${name}@${version}`
      if (!builds.has(key)) {
        const dir = fixtureDir(name, version)
        builds.set(key, nextBuild(dir).then((result) => ({ ...result, dir })))
      }
      return builds.get(key)!
    },
    async removeAll(): Promise<void> {
      const done = await Promise.all(builds.values())
      for (const { dir } of done) for (const out of outputs) rmSync(path.join(dir, out), { recursive: true, force: true })
      console.log(`fixture builds: ${[...builds.keys()].map((key, i) => `${key} ${done[i]!.seconds} s`).join(', ')}`)
    },
  }
}

/** `next build` of the app in `dir` with the Next.js its files resolve. */
export function nextBuild(dir: string): Promise<BuildResult> {
  const bin = createRequire(path.join(dir, 'package.json')).resolve('next/dist/bin/next')
  const start = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'build'], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('exit', (code) => resolve({ code, output, seconds: Math.round((performance.now() - start) / 1000) }))
  })
}

/** The lines the fixture's code wrote with `record()` (tests/fixtures/after-upstream/lib/record.js). */
export function records(output: string): Array<Record<string, unknown> & { source: string }> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('AFTER-FIXTURE '))
    .map((line) => JSON.parse(line.slice('AFTER-FIXTURE '.length)))
}

export interface DevServer {
  url: string
  output(): string
  /** Sends `signal` to the process group, as Ctrl-C in a terminal does, and resolves once `next dev` has exited. */
  stop(signal: NodeJS.Signals): Promise<void>
}

/** `next dev` of the app in `dir`, beside its build (in `.next-dev`), on `port`. */
export async function nextDev(dir: string, port: number): Promise<DevServer> {
  const bin = createRequire(path.join(dir, 'package.json')).resolve('next/dist/bin/next')
  const child = spawn(process.execPath, [bin, 'dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FIXTURE_DIST_DIR: '.next-dev' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 60_000
  while (!output.includes('Ready in')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`next dev did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null) process.kill(-child.pid!, signal)
      await exited
    },
  }
}
