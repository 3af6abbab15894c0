import { createElement } from 'react'

/**
 * Stands in for Nextra's ImageZoom: next.config.mjs swaps this module in. No
 * page here has an image to zoom, and the zoom library with next/image would
 * put about 10 kB gzipped on every page's first load. Plain JavaScript, as it
 * is compiled with the rules of the node_modules file it replaces.
 */
export const ImageZoom = (props) => createElement('img', props)
