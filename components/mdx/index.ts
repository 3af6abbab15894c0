import type { FC } from 'react'
import { DecisionCheck } from './DecisionCheck'
import { Listing } from './Listing'
import { LiveDemo, SurfaceDemo } from './LiveDemo'
import { PagesApiDemo } from './PagesApiDemo'
import { Playground } from './Playground'
import { ReviewComment } from './ReviewComment'
import { SideBySide } from './SideBySide'
import { StaticRecord } from './StaticRecord'
import { VersionNote } from './VersionNote'

/**
 * Every component MDX pages can use without importing it. Nextra types the
 * map as prop-less components; MDX passes each one the props written on the page.
 * They are imported statically: together they weigh well under 1 kB gzipped,
 * and statically their CSS joins the one stylesheet instead of adding a
 * render-blocking request each. The interactive ones load their code lazily,
 * in the browser, through browserOnly.
 */
export const mdxComponents = {
  DecisionCheck,
  Listing,
  LiveDemo,
  PagesApiDemo,
  Playground,
  ReviewComment,
  SideBySide,
  StaticRecord,
  SurfaceDemo,
  VersionNote,
} as unknown as Record<string, FC>
