import type { FC } from 'react'
import { DecisionCheck } from './DecisionCheck'
import { Listing } from './Listing'
import { LiveDemo } from './LiveDemo'
import { PagesApiDemo } from './PagesApiDemo'
import { ReviewComment } from './ReviewComment'
import { SideBySide } from './SideBySide'
import { StaticRecord } from './StaticRecord'
import { SurfaceDemo } from './SurfaceDemo'

/**
 * Every component MDX pages can use without importing it. Nextra types the
 * map as prop-less components; MDX passes each one the props written on the page.
 */
export const mdxComponents = {
  DecisionCheck,
  Listing,
  LiveDemo,
  ReviewComment,
  PagesApiDemo,
  SideBySide,
  StaticRecord,
  SurfaceDemo,
} as unknown as Record<string, FC>
