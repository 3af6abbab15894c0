import { runEventsRoute } from '@/demos/http'

export const GET = runEventsRoute
