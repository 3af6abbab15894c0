import { cookies, headers } from 'next/headers'
import { after } from 'next/server'
import { demoPage } from '@/demos/next'

export default demoPage('request-context-page', async (ops) => {
  const { updateDatabase, logUserAction, logError } = ops

  await updateDatabase()

  // Works: read during render, captured by the callback below.
  const userAgent = (await headers()).get('user-agent') ?? 'unknown'

  after(async () => {
    await logUserAction({ userAgent })

    // Throw in a Server Component: request data is not available
    // inside after().
    try {
      await headers()
    } catch (error) {
      logError('headers() inside after()', error)
    }
    try {
      await cookies()
    } catch (error) {
      logError('cookies() inside after()', error)
    }
  })

  return <p>Rendered. This page is a Server Component.</p>
})
