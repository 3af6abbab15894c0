import dynamic from 'next/dynamic'

const Demo = dynamic(() => import('../live-demo/surfaces/PagesApiDemo'), { ssr: false, loading: () => <p>Loading the live demo…</p> })

/** Calls after() in a Pages Router API route on this deployment and shows the real error. */
export function PagesApiDemo() {
  return <Demo />
}
