import { useEffect, useState, type RefObject } from 'react'

/**
 * Whether the element has come within a screen's height of the viewport; it
 * stays true from then on. Parts of a page that load their code only then
 * leave the first load, and the main thread, to what the visitor sees first.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (near || !element) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true)
      },
      { rootMargin: '100% 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, near])
  return near
}
