import { unknownScenarioResponse } from '@/demos/http/not-found'

// Known scenarios have their own folders, which Next.js matches first.
export const POST = unknownScenarioResponse
