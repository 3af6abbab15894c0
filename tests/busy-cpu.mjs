// Keeps the machine's cores busy, to run the test suite as it runs on a loaded CI machine:
//
//   node tests/busy-cpu.mjs [loops] &   # one CPU-bound loop per core unless told; prints its pid
//   npm test
//   kill <pid>                          # the loops are threads of this one process
//
// Plain JavaScript, so it starts without a build step or tsx.
import { availableParallelism } from 'node:os'
import { isMainThread, Worker } from 'node:worker_threads'

if (isMainThread) {
  const loops = Number(process.argv[2] ?? availableParallelism())
  if (!Number.isInteger(loops) || loops < 1) {
    console.error(`busy-cpu: the number of loops must be a whole number above 0, not ${process.argv[2]}`)
    process.exit(2)
  }
  for (let i = 0; i < loops; i++) new Worker(new URL(import.meta.url))
  console.log(`busy-cpu: pid ${process.pid}, ${loops} CPU-bound loop${loops === 1 ? '' : 's'}; stop with: kill ${process.pid}`)
} else {
  // Arithmetic that never yields: a whole core, as a build or another test run would take it.
  let x = 0
  for (;;) x = (x * 1103515245 + 12345) % 2147483648
}
