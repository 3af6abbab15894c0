import { useData } from 'nextra/hooks'
import type { TestedOn as Tested } from '../demos/build-time/tested-versions'

/**
 * The versions the page's claims are tested on, and how many measured on
 * both agree or differ: what the page's `getStaticProps` read from the test
 * suite at build time (demos/build-time/tested-versions.ts), never typed on
 * the page. What each claim does is noted beside it (components/mdx/VersionNote.tsx).
 */
export function TestedOn() {
  const tested = useData()?.testedOn as Tested | undefined
  if (!tested || tested.versions.length === 0) return null
  const [, next16] = tested.versions
  const counts = [`${tested.agreeing} measured on both agree`, ...(tested.differing > 0 ? [`${tested.differing} differ, each noted beside its claim`] : [])]
  return (
    <aside className="tested-on" data-testid="tested-on" aria-label="Versions tested">
      <p>
        The claims on this page are checked by the test suite on {tested.versions.map((version) => `Next.js ${version}`).join(' and ')}.
        {next16 ? ` ${counts.join('; ')}.` : ''}
      </p>
    </aside>
  )
}
