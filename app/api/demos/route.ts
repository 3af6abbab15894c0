import { catalogueResponse } from '@/demos/http/catalogue'

export const GET = catalogueResponse
