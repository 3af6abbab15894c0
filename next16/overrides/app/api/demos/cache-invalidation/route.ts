import { revalidateTag, unstable_cache } from 'next/cache'
import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { readStock, sellOne } from '@/demos/operations'

// What product pages show: the stock count, from Next.js's data cache.
const cachedStock = unstable_cache(readStock, ['demo-stock'], {
  tags: ['stock'],
})
// The same read under a tag nothing revalidates: proof that the cache
// holds values.
const neverRevalidated = unstable_cache(readStock, ['demo-stock-frozen'], {
  tags: ['stock-frozen'],
})

export const POST = demoRoute('cache-invalidation', async (_, ops) => {
  const [shown, frozen] = await Promise.all([
    cachedStock(),
    neverRevalidated(),
  ])
  await ops.updateDatabase()
  const stock = sellOne()

  // The buyer's response does not show the cached count: this can wait.
  // Next.js 16 asks for a cache-life profile: 'max' marks the count stale,
  // so the next request is served the old count once while it refreshes.
  after(() => revalidateTag('stock', 'max'))

  return ops.json({
    stock,
    shownBeforeSale: shown,
    neverRevalidated: frozen,
  })
})
