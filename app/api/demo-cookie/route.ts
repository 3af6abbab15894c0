import { demoCookieResponse } from '@/demos/demo-cookie'

export const POST = demoCookieResponse
