import { configuredOrigin } from '../../links/site'
import { addressedHost, serverState } from '../admission'

/**
 * The origin a receipt link is made on: the configured public one, else the
 * one the visitor asked for (its `Host`, or the host a trusted proxy says it
 * was asked for; Next.js gives Route Handlers a `request.url` on `localhost`
 * whatever the visitor used).
 */
export function publicOrigin(request: Request): string {
  if (configuredOrigin) return configuredOrigin
  const url = new URL(request.url)
  const https = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  return `${https ? 'https:' : url.protocol}//${addressedHost(request.headers, serverState().config.trustedProxyHops) ?? url.host}`
}
