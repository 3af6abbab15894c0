import { describe, expect, it } from 'vitest'
import { baseUrl, eachVersion, readEvents } from '../support/api'
import { startVersionServer } from '../support/server'

interface Sale {
  runId: string
  stock: number
  shownBeforeSale: number
  neverRevalidated: number
}

/** A sale on this file's server, or on the server at `base`. */
async function sell(base = baseUrl()): Promise<Sale> {
  const response = await fetch(`${base}/api/demos/cache-invalidation?work=5`, { method: 'POST' })
  expect(response.status).toBe(200)
  return (await response.json()) as Sale
}

eachVersion((version) => describe('revalidateTag() inside after(), against next start', () => {
  if (version.name === '15.5') {
    it('revalidateTag(tag) takes effect: the next request reads the fresh value from the data cache', async () => {
      const first = await sell()
      // The run's stream ends a settle window after the response was sent; the revalidation has run by then.
      expect((await readEvents(first.runId)).end).toBe('complete')

      const second = await sell()
      // The count the first sale left behind, not an older cached one.
      expect(second.shownBeforeSale).toBe(first.stock)
      // The control: the same read under a tag nobody revalidates still serves its old value,
      // so the fresh value above came from the revalidation, not from a cache that does not cache.
      expect(second.neverRevalidated).toBe(first.neverRevalidated)
      expect(second.neverRevalidated).not.toBe(second.shownBeforeSale)
      expect(second.neverRevalidated).not.toBe(first.stock)
      expect(second.stock).toBe(first.stock - 1)
    })
    return
  }
  // The 16 server runs next16/overrides/app/api/demos/cache-invalidation/route.ts: revalidateTag('stock', 'max').
  it("revalidateTag(tag, 'max') marks the count stale: the next request is served the count from before the sale", async () => {
    // A server of its own: its first read is a plain cache read, not a stale one left by an earlier sale,
    // whose background refresh could have cached any count.
    const { server, base } = await startVersionServer(version, {})
    try {
      const first = await sell(base)
      expect((await readEvents(first.runId, undefined, base)).end).toBe('complete')

      const second = await sell(base)
      // The value cached before the first sale, served stale; one-argument revalidateTag (as on 15.5) would show first.stock.
      expect(second.shownBeforeSale).toBe(first.shownBeforeSale)
      expect(second.shownBeforeSale).not.toBe(first.stock)
      expect(second.stock).toBe(first.stock - 1)
    } finally {
      await server.stop()
    }
  })
}))
