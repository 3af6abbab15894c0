import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Proxy {
  url: string
  close(): Promise<void>
}

/**
 * A round-robin HTTP proxy in front of several instances, as a load balancer
 * without session affinity would be: each request goes to the next instance,
 * so a run is usually started on one and streamed from another. Bodies and
 * event streams pass through as they arrive.
 */
export async function startProxy(targets: readonly string[]): Promise<Proxy> {
  let turn = 0
  const server = createServer((incoming, outgoing) => {
    const target = new URL(targets[turn++ % targets.length]!)
    const upstream = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(outgoing)
      },
    )
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502)
      outgoing.end()
    })
    // A client that leaves takes its upstream request with it, as a real proxy does.
    outgoing.on('close', () => upstream.destroy())
    incoming.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}
