import dynamic from 'next/dynamic'
import type { SurfaceDemoProps } from '../live-demo/surfaces/SurfaceDemo'

// Loaded only in the browser, like LiveDemo, to keep the page's first load light.
const Demo = dynamic(() => import('../live-demo/surfaces/SurfaceDemo'), { ssr: false, loading: () => <p>Loading the live demo…</p> })

/** A live demo running Route Handler, Server Component and Server Action demos on one time axis. */
export function SurfaceDemo(props: SurfaceDemoProps) {
  return <Demo {...props} />
}
