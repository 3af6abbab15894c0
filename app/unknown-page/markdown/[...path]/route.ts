import { unknownMarkdownResponse } from '@/links/unknown-page'

// next.config.mjs sends here every `.md` path that app/markdown did not prerender.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return unknownMarkdownResponse((await params).path)
}
