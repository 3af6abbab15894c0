import { codeToHtml } from 'shiki'
import { invalidParameter, readQueryString, withErrorResponse } from '../admission'
import { describeError, generateHandler, parseComposition } from '../compose'

/** What the playground shows of a composition: the generated handler, as text and highlighted. */
export interface ComposedCode {
  code: string
  /** Highlighted by shiki with the listings' themes; colours come from CSS variables for light and dark mode. */
  html: string
}

/** Highlighted handlers kept, oldest dropped first: presets and recent edits are asked again and again. */
const KEPT = 200
const highlighted = new Map<string, Promise<string>>()

function highlight(code: string): Promise<string> {
  const kept = highlighted.get(code)
  if (kept) {
    // Asked again: it moves to the young end.
    highlighted.delete(code)
    highlighted.set(code, kept)
    return kept
  }
  const html = codeToHtml(code, { lang: 'ts', themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false })
  highlighted.set(code, html)
  html.catch(() => highlighted.delete(code))
  if (highlighted.size > KEPT) highlighted.delete(highlighted.keys().next().value!)
  return html
}

/**
 * `GET /api/demos/compose/code?steps=…`: the Route Handler a composition
 * stands for, highlighted on the server so the page ships no highlighter.
 * The same composition always gives the same answer on one build.
 */
export const composeCodeResponse = withErrorResponse(async (request: Request): Promise<Response> => {
  const text = readQueryString(new URL(request.url).search, ['steps']).get('steps') ?? ''
  const parsed = parseComposition(text)
  if ('error' in parsed) throw invalidParameter('steps', describeError(parsed.error), parsed.error.allowed)
  const code = generateHandler(parsed.steps)
  const body: ComposedCode = { code, html: await highlight(code) }
  return Response.json(body, { headers: { 'Cache-Control': 'public, max-age=3600' } })
})
