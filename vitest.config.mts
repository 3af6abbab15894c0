import path from 'node:path'
import { defineConfig } from 'vitest/config'
import { WAIT_MS } from './tests/support/wait'

const alias = { '@': path.resolve(import.meta.dirname) }

/**
 * How many files run at once, each with servers of its own (tests/support/global-setup.ts), so that no file's
 * counters or timings are disturbed by another's requests. Browser files keep both cores of a 2-core machine busy
 * (Chromium renders, hydrates and runs axe): two at once. Most of an integration file's time is spent waiting on
 * timers and side effects: with two at once, the integration run's last two minutes kept under half of two cores
 * busy; four overlap those waits. A group with another count must run on its own (vitest's `sequence.groupOrder`):
 * the unit and integration files first, then the browser files. A site given by AFTER_GUIDE_URL is one server for
 * every file: one file at a time then.
 */
const external = Boolean(process.env.AFTER_GUIDE_URL)
const FILES_AT_ONCE = { integration: external ? 1 : 4, browser: external ? 1 : 2 }

/** What the integration and browser projects share: the servers, and time for a loaded machine. */
const serverBound = {
  globalSetup: ['tests/support/global-setup.ts'],
  // A test that walks every page takes about a minute on a loaded machine; a limit is no assertion, so it is wide.
  testTimeout: 180_000,
  hookTimeout: 300_000,
  // Polls wait for a condition, not for luck: vitest's default of 1 s is less than a busy machine can take to render.
  expect: { poll: { timeout: 15_000 } },
}
/** A browser file's polls may wait as long as its Playwright waits (tests/support/wait.ts). */
const browserBound = { ...serverBound, expect: { poll: { timeout: WAIT_MS } } }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // tsconfig keeps JSX for Next.js to compile; unit tests that import a .tsx wrapper need it compiled here.
        oxc: { jsx: { runtime: 'automatic' } },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], maxWorkers: FILES_AT_ONCE.integration, sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/support/warm-fetch.ts'],
          maxWorkers: FILES_AT_ONCE.integration,
          sequence: { groupOrder: 0 },
          ...serverBound,
        },
      },
      {
        resolve: { alias },
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], maxWorkers: FILES_AT_ONCE.browser, sequence: { groupOrder: 1 }, ...browserBound },
      },
    ],
  },
})
