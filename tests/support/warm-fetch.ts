import { baseUrl } from './api'

// The first fetch() of a process loads and compiles Node's HTTP client: half a second and more on a busy machine,
// which a test timing its first request would count as the server's. One request before the file's tests pays it.
await (await fetch(`${baseUrl()}/api/health`)).text()
