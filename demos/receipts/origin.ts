import { configuredOrigin } from '../../links/site'

/** The origin a receipt link is made on: the configured public one, else the one the request came to. */
export const publicOrigin = (request: Request): string => configuredOrigin ?? new URL(request.url).origin
