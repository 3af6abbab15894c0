import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@': path.resolve(import.meta.dirname) }

/**
 * Files run two at a time, unit, integration and browser alike: most of a
 * server-bound file's time is spent waiting on timers and side effects, so two
 * overlap well even on a busy 2-core machine. Each running file gets a
 * `next start` of its own (tests/support/global-setup.ts), so no file's
 * counters or timings are disturbed by another's requests. A site given by
 * AFTER_GUIDE_URL is one server for every file: one file at a time then.
 */
const FILES_AT_ONCE = process.env.AFTER_GUIDE_URL ? 1 : 2

/** What the integration and browser projects share: the servers, and time for a loaded machine. */
const serverBound = {
  globalSetup: ['tests/support/global-setup.ts'],
  // A test that walks every page takes about a minute on a loaded machine; a limit is no assertion, so it is wide.
  testTimeout: 180_000,
  hookTimeout: 300_000,
  // Polls wait for a condition, not for luck: vitest's default of 1 s is less than a busy machine can take to render.
  expect: { poll: { timeout: 15_000 } },
}

export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers: FILES_AT_ONCE,
    projects: [
      {
        resolve: { alias },
        // tsconfig keeps JSX for Next.js to compile; unit tests that import a .tsx wrapper need it compiled here.
        oxc: { jsx: { runtime: 'automatic' } },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], setupFiles: ['tests/support/warm-fetch.ts'], ...serverBound },
      },
      {
        resolve: { alias },
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], ...serverBound },
      },
    ],
  },
})
