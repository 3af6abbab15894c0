import { describe, expect, it } from 'vitest'
import { chosenVersions } from '@/demos/client/versions'

const site = { next: '15.5.29', node: 'v20', base: '' }
const next16 = { next: '16.4.6', node: 'v20', base: '/next16' }

describe("a demo's version choice (?next=)", () => {
  it("runs on the site's own version when the URL names none", () => {
    expect(chosenVersions(undefined, [site, next16])).toEqual([site])
  })

  it('names a version by its major number, or both in the catalogue order', () => {
    expect(chosenVersions('16', [site, next16])).toEqual([next16])
    expect(chosenVersions('15', [site, next16])).toEqual([site])
    expect(chosenVersions('both', [site, next16])).toEqual([site, next16])
  })

  it('says what is allowed for a version the site does not serve, and for both when it serves one', () => {
    expect(chosenVersions('14', [site, next16])).toEqual({ error: 'next must be one of 15, 16, both; this site serves no Next.js 14.' })
    expect(chosenVersions('both', [site])).toEqual({ error: 'Only one Next.js version is served here, so "both" cannot run.' })
  })
})
