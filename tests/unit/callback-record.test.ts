import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readRuns, recordCallbackRun } from '@/demos/operations'

describe("the prerendered pages' callback record", () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'after-guide-record-'))
    // The record lives in the build folder of the server's working directory.
    vi.spyOn(process, 'cwd').mockReturnValue(dir)
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps every one of many callbacks that write at once (a shell prerendered twice, two servers of one build), and leaves no lock or draft behind', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, index) => recordCallbackRun('cache-components', { renderedAt: null, runId: `run-${index}` })))
    const runs = await readRuns('cache-components')
    expect(runs.map((run) => run.runId).sort()).toEqual(Array.from({ length: 12 }, (_, index) => `run-${index}`).sort())
    expect(await readdir(path.join(dir, '.next', 'after-guide'))).toEqual(['cache-components-after-record.json'])
  })

  it('keeps every run when two processes write at once', async () => {
    const module = path.resolve(import.meta.dirname, '../../demos/operations/callback-record.ts')
    // tsx by path: the writers run in the temporary folder, which has no node_modules.
    const tsx = createRequire(import.meta.url).resolve('tsx')
    const writer = (name: string) =>
      new Promise<number | null>((resolve) => {
        // tsx loads the module as CommonJS here (the package has no "type": "module"): its exports are the default.
        const script = `const { recordCallbackRun } = (await import(${JSON.stringify(module)})).default;
          await Promise.all(Array.from({ length: 10 }, (_, i) => recordCallbackRun('cache-components', { renderedAt: null, runId: '${name}-' + i })))`
        spawn(process.execPath, ['--import', pathToFileURL(tsx).href, '--input-type=module', '-e', script], { cwd: dir, stdio: 'inherit' }).on('exit', resolve)
      })
    expect(await Promise.all([writer('a'), writer('b')])).toEqual([0, 0])
    expect((await readRuns('cache-components')).length).toBe(20)
  })

  it("keeps the build's runs, however many requests follow, and the last 20 of the others", async () => {
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    await recordCallbackRun('cache-components', { renderedAt: null })
    await recordCallbackRun('cache-components', { renderedAt: null })
    vi.stubEnv('NEXT_PHASE', undefined)
    for (let index = 0; index < 25; index++) await recordCallbackRun('cache-components', { renderedAt: null, runId: `run-${index}` })
    const runs = await readRuns('cache-components')
    expect(runs.slice(0, 2).map((run) => run.nextPhase)).toEqual(['phase-production-build', 'phase-production-build'])
    expect(runs.slice(2).map((run) => run.runId)).toEqual(Array.from({ length: 20 }, (_, index) => `run-${index + 5}`))
  })
})
