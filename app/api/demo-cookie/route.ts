import { demoCookieResponse } from '@/demos/http'

export const POST = demoCookieResponse
