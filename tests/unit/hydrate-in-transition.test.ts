import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

// next.config.mjs swaps react-dom/client for components/ui/hydrate-in-transition.js in one importer only, Next.js's
// Pages Router bootstrap, relying on how that file reads the module. A Next.js upgrade that changes either would
// silently bring back one long hydration task (found only by `npm run bench:lighthouse`); this fails first.
describe("the Pages Router bootstrap that hydrate-in-transition stands in for", () => {
  const bootstrap = readFileSync(createRequire(import.meta.url).resolve('next/dist/client/index.js'), 'utf8')

  it('is next/dist/client/index.js, and it requires react-dom/client', () => {
    expect(bootstrap).toMatch(/require\("react-dom\/client"\)/)
  })

  it('hydrates through the default export, the one shape the stand-in gives', () => {
    expect(bootstrap).toMatch(/\.default\.hydrateRoot\(/)
  })
})
