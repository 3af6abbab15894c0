import { after } from 'next/server'
import { demoLayout } from '@/demos/next'

export default demoLayout('layout', async (ops, children) => {
  const { updateDatabase, logUserAction } = ops

  // Critical work: the layout shows its result around the page.
  await updateDatabase()

  // Scheduled in the layout: it runs once the whole page has been sent.
  after(async () => {
    await logUserAction({ from: 'layout' })
  })

  return <section>{children}</section>
})
