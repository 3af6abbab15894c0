import { unknownOgImageResponse } from '@/links/unknown-page'

// next.config.mjs sends here every /og/ path that app/og did not prerender.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return unknownOgImageResponse((await params).path)
}
