import { serverlessRoute } from '@/demos/serverless'

export const POST = serverlessRoute
