import dynamic from 'next/dynamic'

const Record = dynamic(() => import('../live-demo/surfaces/StaticRecord'), { ssr: false, loading: () => <p>Reading the record…</p> })

/** What the static page's after() callback recorded when it ran (at build time). */
export function StaticRecord() {
  return <Record />
}
