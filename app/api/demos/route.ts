import { catalogueResponse } from '@/demos/http'

export const GET = catalogueResponse
