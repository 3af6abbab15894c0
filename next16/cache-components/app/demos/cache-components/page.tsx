import { cookies } from 'next/headers'
import { after } from 'next/server'
import { Suspense } from 'react'
import { demoSuspended, logPageView, runOperations } from '@/demos/next'

// With cacheComponents: true, what reads nothing from the request is
// prerendered at build into a static shell. This after() is called as the
// shell renders: during `next build`, and, because this page has a dynamic
// part below, again on every request, when its Server Components render
// again for the boundary.
export default function RecommendationsPage() {
  after(async () => {
    await logPageView()
  })

  return (
    <main>
      <h1>Recommended for you</h1>
      <Suspense fallback={<p>Loading your recommendations…</p>}>
        <Recommendations />
      </Suspense>
    </main>
  )
}

// Reads the request (a cookie), so it renders for each request, inside the
// boundary: so does its after().
const Recommendations = demoSuspended('cache-components', async (ops) => {
  const { logUserAction } = ops
  const cookie = (await cookies()).get('after-guide-visitor')
  const visitor = cookie?.value ?? 'guest'
  const picks = await recommendationsFor(visitor)

  after(async () => {
    await logUserAction({ viewed: 'recommendations' })
  })

  return <p>{picks.length} products picked for you.</p>
})

// Cached per visitor: a cache miss runs this body, and with it the after()
// inside; a hit runs neither.
async function recommendationsFor(visitor: string): Promise<string[]> {
  'use cache'
  const { loadRecommendations, recordMetrics } = runOperations()
  await loadRecommendations()

  after(async () => {
    await recordMetrics()
  })

  const picks = ['kettle', 'mug', 'teapot']
  return picks.map((product) => `${product} for ${visitor.slice(0, 4)}`)
}
