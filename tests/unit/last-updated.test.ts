import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LastUpdated } from '@/components/LastUpdated'

describe('LastUpdated', () => {
  it.each([
    [new Date(2026, 10, 25, 9, 30), '25 November 2026'],
    [new Date(2025, 0, 1, 0, 0), '1 January 2025'],
    [new Date(2024, 11, 31, 23, 59), '31 December 2024'],
  ])('writes %s as "%s", with the machine-readable time beside it', (timestamp, shown) => {
    const html = renderToStaticMarkup(createElement(LastUpdated, { timestamp }))
    expect(html).toBe(`Last updated on <time dateTime="${timestamp.toISOString()}">${shown}</time>`)
  })
})
