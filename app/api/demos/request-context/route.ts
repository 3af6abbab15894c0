import { cookies, headers } from 'next/headers'
import { after } from 'next/server'
import { DEMO_COOKIE } from '@/demos/http'
import { demoRoute } from '@/demos/next'

export const POST = demoRoute('request-context', async (_, ops) => {
  const { updateDatabase, logUserAction, logError, json } = ops

  await updateDatabase()

  after(async () => {
    // Reading the request inside the callback works in a Route Handler.
    const userAgent = (await headers()).get('user-agent') ?? 'unknown'
    const visitor =
      (await cookies()).get(DEMO_COOKIE)?.value ?? 'no demo cookie'
    await logUserAction({ userAgent })
    await logUserAction({ visitor })

    // Changing it does not: the response has already been sent.
    try {
      const cookieStore = await cookies()
      cookieStore.set(DEMO_COOKIE, 'changed-in-after')
    } catch (error) {
      logError('cookies().set()', error)
    }
  })

  return json({ status: 'success' })
})
