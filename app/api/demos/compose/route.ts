import { composeRoute } from '@/demos/next'

// The playground's composed handlers: the composition in ?steps= is run step by step (demos/compose).
export const POST = composeRoute
