// Preloaded into the load benchmark's server only (NODE_OPTIONS=--require): on SIGUSR2 it runs a full garbage
// collection, so that the memory the benchmark reads afterwards is what is still referenced, not garbage V8 has
// simply not collected on an idle server.
const v8 = require('node:v8')
const vm = require('node:vm')

v8.setFlagsFromString('--expose-gc')
const collect = vm.runInNewContext('gc')
process.on('SIGUSR2', () => collect())
