import { useEffect, useRef, useState, type ReactNode } from 'react'
import { appSurfaces, type AppSurfaceName } from '../../demos/scenarios'
import { frameReady, settledLater, titleOf, type ActionFrames, type DemoSource } from '../../demos/client'
import styles from './RunDemo.module.css'

type ActionSource = Extract<DemoSource, { kind: 'action' }>

/**
 * The frames a demo's Server Action sources are called from: each holds the
 * action's App Router page, and is shown, so the visitor sees where the call
 * comes from. The frames load the App Router's own runtime, so they mount only
 * once the visitor runs the demo.
 *
 * `prepare(source)` mounts them and resolves, with every frame on the page,
 * once the frame of an action source is ready to run; `view` is the frames.
 */
export function useActionFrames(sources: DemoSource[]): { prepare(source: DemoSource): Promise<ActionFrames>; view: ReactNode } {
  const frames = useRef<ActionFrames>({})
  // Per frame: settles once the frame has mounted and said it is ready.
  const ready = useRef<Partial<Record<AppSurfaceName, ReturnType<typeof settledLater<unknown>>>>>({})
  const readyOf = (name: AppSurfaceName) => (ready.current[name] ??= settledLater())
  const [dark, setDark] = useState(false)
  const [shown, setShown] = useState(false)

  useEffect(() => setDark(document.documentElement.classList.contains('dark')), [])

  async function prepare(source: DemoSource): Promise<ActionFrames> {
    if (source.kind === 'action') {
      setShown(true)
      await readyOf(source.name).promise
    }
    return frames.current
  }

  const actions = shown ? sources.filter((source): source is ActionSource => source.kind === 'action') : []
  const view = actions.map((source) => (
    <figure key={source.name} className={styles.frame}>
      <iframe
        ref={(element) => {
          if (!element || frames.current[source.name] === element) return
          frames.current[source.name] = element
          readyOf(source.name).settle(frameReady(element, source.name))
        }}
        src={`${appSurfaces[source.name].path}#${dark ? 'dark' : 'light'}`}
        title={`${titleOf(source)}: App Router page that calls the Server Action`}
        loading="eager"
      />
      <figcaption>
        This frame is an App Router page, <code>{appSurfaces[source.name].path}</code>. The Server Action is called from it, as your
        own client component would call it; it reports what it measured back to this page.
      </figcaption>
    </figure>
  ))
  return { prepare, view }
}
