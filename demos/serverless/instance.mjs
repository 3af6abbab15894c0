// One emulated serverless instance: the Next.js app of the directory it is
// started in (the same build `next start` serves), behind a plain Node.js
// HTTP server, with the request context a serverless platform gives Next.js.
// Started by the supervisor (supervisor.ts) with an IPC channel; plain
// JavaScript, run by Node.js as it is, never bundled.
//
// What a platform's runtime does inside the function's process, this does
// too: it hands Next.js a `waitUntil` through Symbol.for('@next/request-context')
// (read by `getBuiltinRequestContext()` in next/dist/server/after/, on 15.5
// and 16 alike: `after()` registers its callbacks' promise there), and tells
// the platform the invocation is over once the response has ended and every
// promise given to `waitUntil` has settled. The supervisor then freezes this
// process (SIGSTOP), as the platform would.
import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'

const dir = process.cwd()
const require = createRequire(path.join(dir, 'package.json'))
const next = require('next')
// The runs name the Next.js whose server runs the process by the script it was started with
// (`serverNextVersion`, demos/versions): here that is this Next.js's server, not this file.
process.argv[1] = require.resolve('next/dist/server/next.js')

/** The promises of the invocation now running, given to `waitUntil` by Next.js. */
let pending = []

globalThis[Symbol.for('@next/request-context')] = {
  get: () => ({ waitUntil: (promise) => void pending.push(promise) }),
}

/** Resolves once every promise given to `waitUntil` has settled, including any given while waiting. */
async function waitUntilSettled() {
  while (pending.length > 0) {
    const settling = pending
    pending = []
    await Promise.allSettled(settling)
  }
}

// The supervisor is this process's only client; once it is gone, so is the instance.
process.on('disconnect', () => process.exit(0))

const server = http.createServer()
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address()
  const app = next({ dir, dev: false, hostname: '127.0.0.1', port })
  await app.prepare()
  const handle = app.getRequestHandler()
  server.on('request', (request, response) => {
    // One invocation at a time: the supervisor sends the next only once this one is over.
    pending = []
    // No connection is kept for the next invocation: a frozen process could not close it when it idles out.
    response.shouldKeepAlive = false
    response.on('close', () => {
      void waitUntilSettled()
        // A macrotask later: the run's relayed writes, queued in promise callbacks, have been sent first.
        .then(() => new Promise((resolve) => setImmediate(resolve)))
        .then(() => process.send({ kind: 'idle' }))
    })
    void handle(request, response)
  })
  process.send({ kind: 'ready', port })
})
