/**
 * `npm run build`: the site (Next.js 15.5) and the Next.js 16 demo servers, built side by side. The site's webpack
 * build keeps about one core busy; the 16 builds (Turbopack) fill the other.
 *
 * `npm run build -- --typecheck` type-checks once, with tsc, after the site's build rather than inside it: next
 * build's own check leaves out the test files (*.test.ts), so tsc is needed anyway, and run after the build it also
 * reads the route types next build writes (.next/types). `--fixtures` also builds the tests' fixture apps
 * (tests/support/build-fixtures.ts), so that no test competes with them. `npm test` passes both. Each line is prefixed with the step it comes from; the first step to fail stops the others.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const typecheck = process.argv.includes('--typecheck')
const fixtures = process.argv.includes('--fixtures')
const running = new Set()

/** Each step runs in a process group of its own, so that it can be stopped whole, its workers included. */
function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
}
// Ctrl-C reaches this process's group only: the steps' groups are stopped with SIGTERM (a process started in the
// background by a shell script ignores SIGINT, and so would a build started from it).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    stopAll()
    process.exit(code)
  })
}

/** Runs `command` in the site's root, its output line by line under `name`; resolves when it succeeds. */
function step(name, command, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd: root, shell: true, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    running.add(child)
    for (const stream of [child.stdout, child.stderr]) {
      let rest = ''
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n')
        rest = lines.pop()
        for (const line of lines) process.stdout.write(`[${name}] ${line}\n`)
      })
      stream.on('end', () => rest && process.stdout.write(`[${name}] ${rest}\n`))
    }
    // 'close', not 'exit': the step's last lines are printed before the next step's or the failure's.
    child.once('close', (code, signal) => {
      running.delete(child)
      if (code === 0) resolve()
      else reject(new Error(`${name}: \`${command}\` ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`))
    })
  })
}

try {
  await Promise.all([
    step('site', 'npx next build', typecheck ? { AFTER_GUIDE_TYPECHECK_AFTER_BUILD: '1' } : {}).then(() => typecheck && step('tsc', 'npm run typecheck')),
    step('next16', 'npm run build -w next16'),
    fixtures && step('fixtures', 'npx tsx tests/support/build-fixtures.ts'),
  ])
} catch (error) {
  stopAll()
  console.error(`\n${error.message}`)
  process.exit(1)
}
