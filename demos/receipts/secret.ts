import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

let cached: string | undefined

/**
 * The key receipts are signed with: `AFTER_GUIDE_RECEIPT_SECRET`, shared by
 * every instance of a deployment. Without it, a random key kept in the
 * site's build folder (`.next/receipt-secret`): the same for every restart of
 * one build and for the demo servers beside it (`next16/` and
 * `next16/cache-components/` sit in the site's folder, and their configs name
 * the way up in AFTER_GUIDE_SITE_DIR), new with each build, so a rebuild voids
 * the receipts made before.
 */
export function receiptSecret(): string {
  cached ??= process.env.AFTER_GUIDE_RECEIPT_SECRET || buildSecret()
  return cached
}

function buildSecret(): string {
  const siteRoot = path.resolve(process.cwd(), process.env.AFTER_GUIDE_SITE_DIR ?? '.')
  const file = path.join(siteRoot, '.next', 'receipt-secret')
  try {
    return readFileSync(file, 'utf8')
  } catch {
    // First use since the build: write it whole under another name, then link it in place,
    // which fails if another process got there first; either way every process reads the one that won.
    const draft = `${file}.${process.pid}`
    writeFileSync(draft, randomBytes(32).toString('base64url'))
    try {
      linkSync(draft, file)
    } catch {
      // another process linked its own first
    }
    unlinkSync(draft)
    return readFileSync(file, 'utf8')
  }
}
