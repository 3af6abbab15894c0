import dynamic from 'next/dynamic'
import type { FC } from 'react'

// theme.config puts this map into _app, which every page loads. Each component
// is its own chunk instead, fetched only by the pages that render it (and still
// rendered on the server), so a page's first load carries none of them.
const Listing = dynamic(() => import('./Listing').then((m) => m.Listing))
const LiveDemo = dynamic(() => import('./LiveDemo').then((m) => m.LiveDemo))
const ReviewComment = dynamic(() => import('./ReviewComment').then((m) => m.ReviewComment))

/**
 * Every component MDX pages can use without importing it. Nextra types the
 * map as prop-less components; MDX passes each one the props written on the page.
 */
export const mdxComponents = {
  Listing,
  LiveDemo,
  ReviewComment,
} as unknown as Record<string, FC>
