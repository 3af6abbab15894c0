import { after } from 'next/server'
import { demoPage } from '@/demos/next'

export default demoPage('server-component', async (ops) => {
  const { updateDatabase, logUserAction } = ops

  // Critical work: the page shows its result.
  await updateDatabase()

  // Scheduled during render: it runs once the whole page has been sent.
  after(async () => {
    await logUserAction({ page: '/demos/server-component' })
  })

  return <p>Saved. This page is a Server Component.</p>
})
