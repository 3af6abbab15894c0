import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import cacheComponentsConfig from '@/next16/cache-components/next.config.mjs'
import next16Config from '@/next16/next.config.mjs'
import { CACHE_COMPONENTS_BASE, NEXT16_BASE } from '@/demos/versions'

const pinned = (file: string): string => (JSON.parse(readFileSync(file, 'utf8')) as { dependencies: { next: string } }).dependencies.next

describe('the two Next.js versions', () => {
  it('the Next.js 16 build serves under the prefix the site forwards and the catalogue names', () => {
    expect(next16Config.basePath).toBe(NEXT16_BASE)
    expect(next16Config.env.AFTER_GUIDE_BASE_PATH).toBe(NEXT16_BASE)
  })

  it('the Cache Components build serves under the prefix the site forwards, with cacheComponents on', () => {
    expect(cacheComponentsConfig.basePath).toBe(CACHE_COMPONENTS_BASE)
    expect(cacheComponentsConfig.env.AFTER_GUIDE_BASE_PATH).toBe(CACHE_COMPONENTS_BASE)
    expect(cacheComponentsConfig.cacheComponents).toBe(true)
  })

  it('each package pins one exact Next.js, 15.5 for the site and 16 for the demo server', () => {
    expect(pinned('package.json')).toMatch(/^15\.5\.\d+$/)
    expect(pinned('next16/package.json')).toMatch(/^16\.\d+\.\d+$/)
  })
})
