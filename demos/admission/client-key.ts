import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { processWide } from '../engine'

/**
 * The request header this site sets to the socket's peer address on every
 * request, over whatever the client sent (`recordPeerAddresses`).
 */
export const PEER_HEADER = 'x-after-guide-peer'

const recording = processWide('peer-recording', () => ({ on: false }))

/**
 * Copies each request's socket peer address into PEER_HEADER before Next.js
 * sees the request, through Node's `http.server.request.start` diagnostics
 * channel (published before the server's `request` event). Next.js 15.5 hands
 * middleware and Route Handlers no socket: `next start` only fills in
 * X-Forwarded-For from it when the request has none (`??=` in
 * base-server.js), so that header may be the client's own choice. Called once
 * per process, from instrumentation.ts.
 */
export function recordPeerAddresses(): void {
  if (recording().on) return
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket }
    request.headers[PEER_HEADER] = socket.remoteAddress ?? ''
  })
  recording().on = true
}

/**
 * The client a per-client limit applies to. With `trustedHops` proxies in
 * front, each appending the address it saw to X-Forwarded-For, the client is
 * the address the outermost trusted proxy saw: the `trustedHops`-th from the
 * right (what a client wrote further left is its own claim). With none, the
 * socket's peer; where this process does not record it (not `next start`),
 * every client shares the key `unknown`. X-Real-IP is never read.
 */
export function clientKey(headers: Headers, trustedHops: number): string {
  if (trustedHops > 0) {
    const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((address) => address.trim()).filter(Boolean)
    const address = chain[Math.max(0, chain.length - trustedHops)]
    if (address) return address.slice(0, 64)
  }
  const peer = recording().on ? headers.get(PEER_HEADER) : null
  return peer ? peer.slice(0, 64) : 'unknown'
}

/**
 * The host the visitor addressed: the Host header, or, behind trusted
 * proxies, the one they forwarded (the site forwards `/next16/*` to the
 * Next.js 16 server as such a proxy). Next.js's own Server Action check
 * trusts X-Forwarded-Host from anyone; here it is only believed from a
 * trusted proxy.
 */
export function addressedHost(headers: Headers, trustedHops: number): string | null {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  return trustedHops > 0 && forwarded ? forwarded : headers.get('host')
}
