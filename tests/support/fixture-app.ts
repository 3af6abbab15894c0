import { spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { next16Root, startServer, type RunningServer } from './server'

const siteRoot = path.resolve(import.meta.dirname, '../..')
const fixturesRoot = path.join(siteRoot, 'tests/fixtures')
/** What every fixture's next.config.mjs imports from beside it (`../build-config.mjs`). */
const BUILD_CONFIG = 'build-config.mjs'
/** Written into a build's `.next` once `next build` has exited (next build empties `.next` before it builds). */
const STAMP = 'after-guide-fixture-build.json'

export type FixtureVersion = '15.5' | '16'

/**
 * Where a fixture app under tests/fixtures is built for a version: in place for 15.5; for 16 a copy under
 * next16/.fixtures (never committed, made by the build), so that its `next/*` imports resolve to next16's own
 * Next.js, not the site's 15.5.
 */
export function fixtureDir(name: string, version: FixtureVersion): string {
  return version === '15.5' ? path.join(fixturesRoot, name) : path.join(next16Root, '.fixtures', name)
}

export interface BuildResult {
  code: number | null
  output: string
  /** Seconds the build took, for the record in tests/README.md. */
  seconds: number
}

export interface FixtureBuild extends BuildResult {
  /** Where it was built (fixtureDir). */
  dir: string
  /** Of what it was built from (inputsHash); its stamp holds it. */
  hash: string
  /** Whether an earlier build was reused (by another test file, or an earlier run), its result read from its stamp. */
  reused: boolean
}

/**
 * A test file's fixture builds: `build(name, version)` starts the build of a fixture for a version, or returns the
 * one started (a file starts them all at its top, so that they run at once). Builds are shared by every file and
 * every run (see sharedBuild) and so are never removed; `report()` logs how long each took, for tests/README.md.
 */
export function fixtureBuilds() {
  const builds = new Map<string, Promise<FixtureBuild>>()
  return {
    build(name: string, version: FixtureVersion): Promise<FixtureBuild> {
      const key = `${name}@${version}`
      if (!builds.has(key)) builds.set(key, sharedBuild(name, version))
      return builds.get(key)!
    },
    async report(): Promise<void> {
      const done = await Promise.all(builds.values())
      const took = (build: FixtureBuild) => (build.reused ? `reused (built in ${build.seconds} s)` : `${build.seconds} s`)
      console.log(`fixture builds: ${[...builds.keys()].map((key, i) => `${key} ${took(done[i]!)}`).join(', ')}`)
    },
  }
}

/**
 * The build of a fixture for a version, made once for every test file that asks (vitest runs each file in a module
 * context of its own, so a memo in memory would not reach the others) and for later runs: a build writes
 * a stamp with the hash of what it was built from (inputsHash), and is reused only while that hash matches. The
 * fixture's lock is held from reading the stamp to writing it, so a file that asks while another builds waits for
 * that build and reuses it, and never reads one half-written. A build that failed is stamped too (some fixtures are
 * built to fail, and a build's result is what its files make it); one stopped by a signal is not: it is made again.
 */
async function sharedBuild(name: string, version: FixtureVersion): Promise<FixtureBuild> {
  const dir = fixtureDir(name, version)
  return withLock(lockOf(dir), async () => {
    const hash = inputsHash(name, version)
    const stamp = readStamp(dir)
    if (stamp?.hash === hash) return { ...stamp.result, dir, hash, reused: true }
    rmSync(path.join(dir, '.next', STAMP), { force: true })
    if (version !== '15.5') copySources(name, dir)
    const result = await nextBuild(dir)
    // What a test reads of a failed build is its output; what it left in .next is neither served nor reused.
    if (result.code !== 0) rmSync(path.join(dir, '.next'), { recursive: true, force: true })
    if (result.code !== null) {
      // Whole or absent: written beside, then renamed.
      mkdirSync(path.join(dir, '.next'), { recursive: true })
      const written = path.join(dir, '.next', `${STAMP}.${randomUUID()}`)
      writeFileSync(written, JSON.stringify({ hash, result }))
      renameSync(written, path.join(dir, '.next', STAMP))
    }
    return { ...result, dir, hash, reused: false }
  })
}

function readStamp(dir: string): { hash: string; result: BuildResult } | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, '.next', STAMP), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * What a build of `name` for `version` depends on: the exact Next.js, React and React DOM that the build directory
 * resolves, the shared build configuration, and the fixture's files (their paths and bytes).
 */
function inputsHash(name: string, version: FixtureVersion): string {
  const hash = createHash('sha256')
  const resolve = createRequire(path.join(fixtureDir(name, version), 'package.json'))
  for (const pkg of ['next', 'react', 'react-dom']) hash.update(`${pkg}@${(resolve(`${pkg}/package.json`) as { version: string }).version}\n`)
  for (const file of [BUILD_CONFIG, ...sourceFiles(path.join(fixturesRoot, name)).map((inner) => path.join(name, inner))]) {
    const bytes = readFileSync(path.join(fixturesRoot, file))
    hash.update(`${file}\0${bytes.length}\0`).update(bytes)
  }
  return hash.digest('hex')
}

/**
 * Whether a path inside a fixture (relative to it) is one of its sources: not a build's output, a server's copy of
 * one or next dev's (`.next*`), nor what next build writes itself (next-env.d.ts, the type check's tsbuildinfo).
 */
function isSource(relative: string): boolean {
  const [top = ''] = relative.split(path.sep)
  const base = path.basename(relative)
  return !top.startsWith('.next') && top !== 'node_modules' && base !== 'next-env.d.ts' && !base.endsWith('.tsbuildinfo')
}

/**
 * The source files in `dir`, relative to it, in a fixed order. Never enters the rest: a server's copy there may be
 * removed while this reads (a server of another file stopping does so without the lock).
 */
function sourceFiles(dir: string, inside = ''): string[] {
  return readdirSync(path.join(dir, inside), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const inner = path.join(inside, entry.name)
      if (!isSource(inner)) return []
      return entry.isDirectory() ? sourceFiles(dir, inner) : [inner]
    })
}

/**
 * Makes the 16 copy's sources those of tests/fixtures/`name`. Its `.next*` stay: next build empties `.next` itself,
 * and another file's server may be serving its copy of the last build (serveFixture).
 */
function copySources(name: string, copy: string): void {
  const source = path.join(fixturesRoot, name)
  mkdirSync(copy, { recursive: true })
  for (const entry of readdirSync(copy)) if (isSource(entry)) rmSync(path.join(copy, entry), { recursive: true, force: true })
  cpSync(source, copy, { recursive: true, filter: (file) => isSource(path.relative(source, file)) })
  // Shared by every fixture's copy, and read by a build of another fixture that may be running (another lock):
  // replaced whole, by a rename, so that no build reads it half-written.
  const config = path.join(path.dirname(copy), BUILD_CONFIG)
  const wanted = readFileSync(path.join(fixturesRoot, BUILD_CONFIG), 'utf8')
  if (readFileOr(config) !== wanted) {
    const written = `${config}.${randomUUID()}`
    writeFileSync(written, wanted)
    renameSync(written, config)
  }
}

const readFileOr = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/** The lock of the build in `dir`, beside it (the 16 copy's sources are replaced under it). */
const lockOf = (dir: string): string => path.join(path.dirname(dir), `.${path.basename(dir)}.lock`)

/**
 * Runs `work` holding the lock `file`, across processes (vitest runs test files in workers of their own). Taking it
 * is creating it, whole, with a hard link to a file naming its holder's pid, which fails while it exists. A waiter
 * polls until it is gone; if its holder has died (a run killed mid-build), the waiter removes it, under
 * `<file>.break` and only if it is still that holder's, so that two waiters cannot both remove it, the second the
 * lock the first has just taken.
 */
async function withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(file), { recursive: true })
  const holder = `${process.pid} ${randomUUID()}`
  const mine = `${file}.${randomUUID()}`
  writeFileSync(mine, holder)
  try {
    for (;;) {
      try {
        linkSync(mine, file)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      removeIfAbandoned(file)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  } finally {
    unlinkSync(mine)
  }
  try {
    return await work()
  } finally {
    if (readFileOr(file) === holder) unlinkSync(file)
  }
}

function removeIfAbandoned(file: string): void {
  const holder = readFileOr(file)
  if (holder === undefined || isAlive(Number(holder.split(' ')[0]))) return
  const breaking = `${file}.break`
  try {
    mkdirSync(breaking)
  } catch {
    // Another waiter is removing it. A waiter holds this for two synchronous calls: one older than a minute was left
    // by a process killed between them.
    const made = statSync(breaking, { throwIfNoEntry: false })?.mtimeMs
    if (made !== undefined && Date.now() - made > 60_000) rmSync(breaking, { recursive: true, force: true })
    return
  }
  try {
    if (readFileOr(file) === holder) unlinkSync(file)
  } finally {
    rmdirSync(breaking)
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Build caches of `.next` that next start never reads: a server's copy of the build leaves them out. */
const BUILD_CACHES = new Set([path.join('cache', 'webpack'), path.join('cache', 'turbopack')])

/**
 * `next start` of a fixture's build, serving a copy of its `.next` of its own (`FIXTURE_DIST_DIR`, which
 * fixtureConfig makes the app's distDir): what the server writes there (the data cache in `.next/cache`, the pages
 * ISR regenerates) is its own, so no other server of the same build, in this file or another, sees it, and every
 * server starts from the build as next build left it. The copy is made under the build's lock from the build the
 * test got (its stamp's hash), and is removed once the server has stopped.
 */
export async function serveFixture(build: FixtureBuild, env: Record<string, string>, readyPath: string): Promise<RunningServer> {
  const name = path.basename(build.dir)
  if (build.code !== 0) throw new Error(`the ${name} fixture did not build:\n${build.output}`)
  const copy = await withLock(lockOf(build.dir), async () => {
    if (readStamp(build.dir)?.hash !== build.hash) throw new Error(`the ${name} fixture was built again (from changed sources) since this test got its build`)
    const distDir = mkdtempSync(path.join(build.dir, '.next-serve-'))
    const built = path.join(build.dir, '.next')
    cpSync(built, distDir, { recursive: true, filter: (file) => !BUILD_CACHES.has(path.relative(built, file)) })
    return distDir
  })
  const remove = () => rmSync(copy, { recursive: true, force: true })
  try {
    const server = await startServer({ ...env, FIXTURE_DIST_DIR: path.basename(copy) }, { root: build.dir, readyPath })
    return {
      ...server,
      async stop(signal) {
        const code = await server.stop(signal)
        remove()
        return code
      },
    }
  } catch (error) {
    remove()
    throw error
  }
}

/** `next build` of the app in `dir` with the Next.js its files resolve. */
function nextBuild(dir: string): Promise<BuildResult> {
  const bin = createRequire(path.join(dir, 'package.json')).resolve('next/dist/bin/next')
  const start = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'build'], {
      cwd: dir,
      // The same build whoever asks: vitest sets NODE_ENV=test, which next build only warns about; the fixture builds
      // `npm test` makes first (build-fixtures.ts) run outside vitest.
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
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

/**
 * `next dev` of the app in `dir`, on `port`, beside its build: in a distDir of its own (`.next-dev-*`, removed once it
 * has exited), so that it changes neither the build nor what another server serves.
 */
export async function nextDev(dir: string, port: number): Promise<DevServer> {
  const bin = createRequire(path.join(dir, 'package.json')).resolve('next/dist/bin/next')
  const distDir = mkdtempSync(path.join(dir, '.next-dev-'))
  const child = spawn(process.execPath, [bin, 'dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FIXTURE_DIST_DIR: path.basename(distDir) },
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
      rmSync(distDir, { recursive: true, force: true })
    },
  }
}
