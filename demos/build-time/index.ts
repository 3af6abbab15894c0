/** Code that runs only during `next build` (from a page's `getStaticProps`), never on a request. */
export { listedFiles, listingProps, loadListings, type Listing } from './listings'
export { agreesOnBoth, claimTables, measuredOnBoth, runsOnEachVersion, testedVersions, type ClaimRow } from './tested-versions'
export { placedNotes, rowOf, versionNotes, type VersionNote } from './version-notes'
