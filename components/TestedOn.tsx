import { useData } from 'nextra/hooks'
import type { TestedOn as Tested } from '../demos/build-time/tested-versions'

/**
 * The versions the page's claims are tested on and, per claim measured on
 * both, whether they agree or what each did: what the page's `getStaticProps`
 * read from the test suite at build time (demos/build-time/tested-versions.ts),
 * never typed on the page.
 */
export function TestedOn() {
  const tested = useData()?.testedOn as Tested | undefined
  if (!tested || tested.versions.length === 0) return null
  const [site, next16] = tested.versions
  return (
    <aside className="tested-on" data-testid="tested-on" aria-label="Versions tested">
      <p>
        The claims on this page are checked by the test suite on {tested.versions.map((version) => `Next.js ${version}`).join(' and ')}.
        {next16 ? ` ${tested.agreeing} measured on both agree.` : ''}
      </p>
      {next16 && tested.differing.length > 0 ? (
        <>
          <p>Where the two differ:</p>
          <ul>
            {tested.differing.map((row) => (
              <li key={row.claim}>
                {row.claim}: on {site}, {row.results[0]}; on {next16}, {row.results[1]}
                {row.shownBy ? ` (shown by the ${row.shownBy})` : ''}; tested by {row.testedBy.join(', ')}.
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  )
}
