import { describe, expect, it } from 'vitest'
import { eachVersion, post, readEvents } from '../support/api'

interface Sale {
  runId: string
  stock: number
  shownBeforeSale: number
  neverRevalidated: number
}

async function sell(): Promise<Sale> {
  const { response, body } = await post('/api/demos/cache-invalidation?work=5')
  expect(response.status).toBe(200)
  return JSON.parse(body) as Sale
}

eachVersion(() => describe('revalidateTag() inside after(), against next start', () => {
  it('takes effect: the next request reads the fresh value from the data cache', async () => {
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
}))
