import { revalidateTag, unstable_cache } from 'next/cache'
import { after } from 'next/server'
import { demoRoute } from '@/demos/next/demo-route'
import { readStock, sellOne } from '@/demos/use-cases/stock'

// What product pages show: the stock count, kept in Next.js's data cache.
const cachedStock = unstable_cache(readStock, ['demo-stock'], { tags: ['stock'] })
// The same read under a tag nothing revalidates, to show the cache really holds values.
const neverRevalidated = unstable_cache(readStock, ['demo-stock-frozen'], { tags: ['stock-frozen'] })

export const POST = demoRoute('cache-invalidation', async (_request, { updateDatabase, json }) => {
  const [shown, frozen] = await Promise.all([cachedStock(), neverRevalidated()])
  await updateDatabase()
  const stock = sellOne()

  // The buyer's response does not show the cached count, so the invalidation can wait.
  after(() => revalidateTag('stock'))

  return json({ sold: 1, stock, shownBeforeSale: shown, neverRevalidated: frozen })
})
