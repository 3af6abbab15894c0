// Runs once when the server process starts (Next.js's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { recordPeerAddresses } = await import('@/demos/admission/client-key')
    recordPeerAddresses()
  }
}
