/**
 * How long a browser test's wait may take before it fails: a Playwright wait (an action, a navigation, a locator;
 * newContext in browser.ts) and a browser file's `expect.poll` (vitest.config.mts), instead of Playwright's 30 s. A
 * browser file shares two cores with another, whose Chromium may audit five pages at once; beside that one, in a
 * quiet run of the whole suite, a phone's navigation by the menu did not commit within 30 s. A limit is no assertion:
 * a wait that never ends still fails, with what the test saw.
 */
export const WAIT_MS = 90_000
