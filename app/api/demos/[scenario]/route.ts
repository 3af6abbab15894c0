import { unknownScenarioResponse } from '@/demos/http'

// Known scenarios have their own folders, which Next.js matches first.
export const POST = unknownScenarioResponse
