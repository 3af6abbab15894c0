import { describe, expect, it } from 'vitest'
import { closestPages, requestedPath } from '@/links/closest-pages'
import { pageLine } from '@/links/page-lines'
import { readSitePages } from '@/links/site-pages'

const lines = readSitePages().map(pageLine)
const closest = (address: string) => closestPages(address, lines).map((line) => line.route)

describe('the pages closest to a wrong address', () => {
  it.each([
    ['/notes/failure', '/notes/failures'],
    ['/notez', '/notes'],
    ['/failures', '/notes/failures'],
    ['/notes/failures/extra', '/notes/failures'],
    ['/use-case', '/use-cases'],
    ['/use-case/analytics', '/use-cases'],
    ['/notes/failures/extra/more', '/notes/failures'],
    ['/Decide/', '/decide'],
    ['/comparison.html', '/comparison'],
  ])('%s -> %s first', (address, first) => {
    expect(closest(address)[0]).toBe(first)
  })

  it('gives five distinct pages', () => {
    const routes = closest('/zzz')
    expect(routes).toHaveLength(5)
    expect(new Set(routes).size).toBe(5)
  })

  it('keeps the sidebar order between pages equally far', () => {
    const routes = closestPages('/x', [
      { route: '/b', label: 'B', description: '' },
      { route: '/a', label: 'A', description: '' },
    ]).map((line) => line.route)
    expect(routes).toEqual(['/b', '/a'])
  })
})

describe('requestedPath', () => {
  it('keeps the part of an address that names a page', () => {
    expect(requestedPath('/Notes/Failure/?x=1#y')).toBe('/notes/failure')
    expect(requestedPath('/notes//streaming.md')).toBe('/notes/streaming')
    expect(requestedPath('/')).toBe('/')
    expect(requestedPath('/%E2%9C%93')).toBe('/✓')
    expect(requestedPath('/%E2%9C')).toBe('/%e2%9c')
  })
})
