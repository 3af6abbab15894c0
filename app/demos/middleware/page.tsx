import { demoPage } from '@/demos/next'

// The page behind the audit middleware: it renders for `work` ms.
export default demoPage('middleware', async ({ updateDatabase }) => {
  await updateDatabase()
  return <p>Rendered behind the middleware.</p>
})
