import { useData } from 'nextra/hooks'

/**
 * "The claims on this page are tested on Next.js 15.5.29 and 16.4.6": the
 * versions the page's `getStaticProps` read from the test suite at build
 * time (demos/build-time/tested-versions.ts), never typed on the page.
 */
export function TestedOn() {
  const versions = useData()?.testedOn as string[] | undefined
  if (!versions || versions.length === 0) return null
  return (
    <p className="tested-on" data-testid="tested-on">
      The claims on this page are checked by the test suite on {versions.map((version) => `Next.js ${version}`).join(' and ')}.
    </p>
  )
}
