// Not through '@/demos/http': middleware imports that entry, and shiki belongs in this route alone.
import { composeCodeResponse } from '@/demos/http/compose-code'

// The playground's shown code, highlighted on the server.
export const GET = composeCodeResponse
