import { errorResponse, notFound } from '../admission'
import { scenarios } from '../scenarios'

/**
 * Any method on an unknown scenario: 404 naming the ones that exist. The
 * middleware answers it for every method but POST, which reaches the
 * `[scenario]` route.
 */
export const unknownScenarioResponse = (): Response =>
  errorResponse(notFound('This scenario does not exist.', { field: 'scenario', allowed: Object.keys(scenarios).join(', ') }))

/** Any method on an unknown API path. */
export const unknownApiResponse = (): Response => errorResponse(notFound('This API endpoint does not exist.'))
