import { useEffect, useRef, useState, type ReactNode } from 'react'
import { appSurfaces, type AppSurfaceName } from '../../demos/scenarios'
import { frameReady, settledLater, titleOf, type ActionFrames, type Demo } from '../../demos/client'
import styles from './RunDemo.module.css'

type ActionDemo = Extract<Demo, { kind: 'action' }>

/**
 * The frames the Server Action demos are called from: each holds the
 * action's App Router page on one Next.js version (its `base`), and is shown,
 * so the visitor sees where the call comes from. The frames load the App
 * Router's own runtime, so they mount only once the visitor runs the demo on
 * that version.
 *
 * `prepare(demo, base)` mounts that version's frames and resolves, with them,
 * once the frame of an action demo is ready to run; `view` is the frames.
 */
export function useActionFrames(demos: Demo[]): { prepare(demo: Demo, base?: string): Promise<ActionFrames>; view: ReactNode } {
  const frames = useRef<Record<string, ActionFrames>>({})
  // Per version and frame: settles once the frame has mounted and said it is ready.
  const ready = useRef<Record<string, ReturnType<typeof settledLater<unknown>>>>({})
  const readyOf = (base: string, name: AppSurfaceName) => (ready.current[`${base} ${name}`] ??= settledLater())
  const [dark, setDark] = useState(false)
  const [bases, setBases] = useState<readonly string[]>([])

  useEffect(() => setDark(document.documentElement.classList.contains('dark')), [])

  async function prepare(demo: Demo, base = ''): Promise<ActionFrames> {
    if (demo.kind === 'action') {
      setBases((last) => (last.includes(base) ? last : [...last, base]))
      await readyOf(base, demo.name).promise
    }
    return frames.current[base] ?? {}
  }

  const actions = demos.filter((demo): demo is ActionDemo => demo.kind === 'action')
  const view = bases.flatMap((base) =>
    actions.map((demo) => {
      const path = `${base}${appSurfaces[demo.name].path}`
      return (
        <figure key={path} className={styles.frame}>
          <iframe
            ref={(element) => {
              const own = (frames.current[base] ??= {})
              if (!element || own[demo.name] === element) return
              own[demo.name] = element
              readyOf(base, demo.name).settle(frameReady(element, demo.name))
            }}
            src={`${path}#${dark ? 'dark' : 'light'}`}
            title={`${titleOf(demo)}: App Router page that calls the Server Action${base ? ` (${base})` : ''}`}
            loading="eager"
          />
          <figcaption>
            This frame is an App Router page, <code>{path}</code>. The Server Action is called from it, as your own client component
            would call it; it reports what it measured back to this page.
          </figcaption>
        </figure>
      )
    }),
  )
  return { prepare, view }
}
