import { runLookupResponse } from '@/demos/http'

export const GET = runLookupResponse
