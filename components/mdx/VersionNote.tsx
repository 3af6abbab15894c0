import { useData } from 'nextra/hooks'
import type { ReactNode } from 'react'
import type { VersionNote as Note } from '../../demos/build-time'
import { site } from '../../links/site'
import styles from './VersionNote.module.css'

/** A claim-table cell's text with its `code` and ``code with `backticks` `` spans as code. */
function Cell({ text }: { text: string }) {
  const parts: ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(/``\s?(.+?)\s?``|`([^`]+)`/g)) {
    parts.push(text.slice(last, match.index), <code key={match.index}>{match[1] ?? match[2]}</code>)
    last = match.index + match[0].length
  }
  parts.push(text.slice(last))
  return <>{parts}</>
}

function Tests({ files }: { files: string[] }) {
  return files.map((file, index) => (
    <span key={file}>
      {index > 0 ? ', ' : null}
      <a href={`${site.repository}/blob/main/${file}`}>
        <code>{file.replace(/^tests\//, '')}</code>
      </a>
    </span>
  ))
}

/**
 * What one claim does on Next.js 15.5 and 16, placed beside the claim. The
 * page's getStaticProps (`listingProps`) finds this tag in the page's source
 * and reads the claim's row (whose text starts with `claim`) from
 * tests/README.md's claim table and the tests it cites; this only displays it.
 */
export function VersionNote({ claim }: { claim: string }) {
  const note = (useData()?.versionNotes as Record<string, Note> | undefined)?.[claim]
  if (!note) throw new Error(`VersionNote "${claim}" was not loaded: the page's getStaticProps must be listingProps('<this page's file>').`)
  const [site15, site16] = note.versions
  const [result15, result16] = note.results
  if (result15 === result16) {
    return (
      <p className={styles.note} data-testid="version-note" data-versions="same">
        <span className={styles.label}>
          Same on Next.js {site15} and {site16}
          {result15 === 'holds' ? null : (
            <>
              {' '}
              (<Cell text={result15} />)
            </>
          )}
          :
        </span>{' '}
        <Cell text={note.claim} /> (tested: <Tests files={note.testedBy} />)
      </p>
    )
  }
  return (
    <div className={styles.note} data-testid="version-note" data-versions="differ">
      <p>
        <span className={styles.label}>Differs between Next.js versions:</span> <Cell text={note.claim} />
      </p>
      <dl className={styles.results}>
        <dt>Next.js {site15}</dt>
        <dd>
          <Cell text={result15} />
        </dd>
        <dt>Next.js {site16}</dt>
        <dd>
          <Cell text={result16} />
        </dd>
      </dl>
      <p>
        Tested: <Tests files={note.testedBy} />.
        {note.demo ? (
          <>
            {' '}
            <a href={note.demo}>Run this section's demo on both, side by side</a>.
          </>
        ) : null}
      </p>
    </div>
  )
}
