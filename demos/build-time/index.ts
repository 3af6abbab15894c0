/** Code that runs only during `next build` (from a page's `getStaticProps`), never on a request. */
export { listedFiles, listingProps, loadListings, type Listing } from './listings'
export { claimTables, runsOnEachVersion, testedVersions, type ClaimRow } from './tested-versions'
